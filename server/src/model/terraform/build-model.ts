import { parseHcl } from '../../syntax/hcl/parser';
import { decodeModule, dirOf, isConfigFile, moduleCacheKey, varFileDecl, type ModuleDecl, type TerraformFileInput, type VarFileDecl } from './decode-module';
import type { TerraformModel, TfKubernetesObject, TfModule, TfResource } from './model-types';
import { joinPath } from './posix-path';
import { ModuleImpl, type ModelContext } from './tf-module';

// Entry point: files of a workspace -> modules (one per folder with .tf files), child modules linked to their
// local `module` calls. Decoding is per folder and cacheable; evaluation happens lazily, memoised per build.

export interface TerraformModelInput {
  /** posix paths relative to the workspace root: .tf, .tfvars(.json), .terraform.lock.hcl (others are ignored) */
  readonly files: ReadonlyMap<string, TerraformFileInput>;
  /** extra var files (workspace-relative), highest precedence, applied to every root module in this order */
  readonly varFiles?: readonly string[];
  /** reads a workspace-relative file for file()/yamldecode(file()) and var files not in `files` */
  readonly readFile?: (path: string) => string | undefined;
  /** decodeModule results kept by the caller between builds, keyed by moduleCacheKey() */
  readonly decodeCache?: Map<string, ModuleDecl>;
}

function isLocalSource(source: string | undefined): source is string {
  return source !== undefined && (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..');
}

function configuredVarFiles(input: TerraformModelInput): VarFileDecl[] {
  return (input.varFiles ?? []).flatMap((path) => {
    const known = input.files.get(path);
    if (known) return [varFileDecl(path, known)];
    const text = input.readFile?.(path);
    if (text === undefined) return [];
    return [varFileDecl(path, { text, parse: parseHcl(path.endsWith('.json') ? '' : text) })];
  });
}

export function buildTerraformModel(input: TerraformModelInput): TerraformModel {
  const byDir = new Map<string, Map<string, TerraformFileInput>>();
  for (const [path, file] of input.files) {
    const dir = dirOf(path);
    if (!byDir.has(dir)) byDir.set(dir, new Map());
    byDir.get(dir)!.set(path, file);
  }
  const ctx: ModelContext = { active: new Set(), configuredVarFiles: configuredVarFiles(input), readFile: input.readFile };
  const modules: ModuleImpl[] = [];
  for (const dir of [...byDir.keys()].sort()) {
    const files = byDir.get(dir)!;
    if (![...files.keys()].some(isConfigFile)) continue;
    const key = input.decodeCache ? moduleCacheKey(dir, files) : '';
    let decl = input.decodeCache?.get(key);
    if (!decl) {
      decl = decodeModule(dir, files);
      input.decodeCache?.set(key, decl);
    }
    modules.push(new ModuleImpl(decl, ctx));
  }
  const byPath = new Map(modules.map((m) => [m.dir, m]));
  for (const m of modules) {
    for (const call of m.moduleCalls) {
      const source = call.source;
      const childDir = isLocalSource(source) ? joinPath(m.dir, source) : undefined;
      const child = childDir === undefined ? undefined : byPath.get(childDir);
      if (!child) continue;
      call.child = child;
      child.callers.push(call);
    }
  }
  return new Model(modules);
}

class Model implements TerraformModel {
  readonly roots: readonly TfModule[];
  private k8s: readonly TfKubernetesObject[] | undefined;
  // rules ask these once per file: indexed / memoised so each costs a look-up, not a scan of every module
  private readonly byDir: ReadonlyMap<string, ModuleImpl>;
  private readonly byType = new Map<string, readonly TfResource[]>();

  constructor(readonly modules: readonly ModuleImpl[]) {
    this.roots = modules.filter((m) => m.callers.length === 0);
    this.byDir = new Map(modules.map((m) => [m.dir, m]));
  }

  module(dir: string): TfModule | undefined {
    return this.byDir.get(dir);
  }

  resourcesOfType(type: string): readonly TfResource[] {
    let found = this.byType.get(type);
    if (!found) this.byType.set(type, (found = this.modules.flatMap((m) => m.resourcesOfType(type))));
    return found;
  }

  get kubernetesObjects(): readonly TfKubernetesObject[] {
    this.k8s ??= this.modules.flatMap((m) => m.kubernetesObjects);
    return this.k8s;
  }
}
