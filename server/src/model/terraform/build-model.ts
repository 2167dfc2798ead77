import { parseHcl } from '../../syntax/hcl/parser';
import { decodeModule, dirOf, isConfigFile, moduleCacheKey, varFileDecl, type ModuleDecl, type TerraformFileInput, type VarFileDecl } from './decode-module';
import type { TerraformModel, TfKubernetesObject, TfModule, TfResource } from './model-types';
import { isLocalSource, linkedComponents } from './module-components';
import { joinPath } from './posix-path';
import { ModuleImpl, type ModelContext } from './tf-module';
import { held, type WithReads } from './attribute-reads';

// Entry point: files of a workspace -> modules (one per folder with .tf files), child modules linked to their
// local `module` calls. Decoding is per folder and cacheable; evaluation happens lazily, memoised per module, and
// modules of unchanged linked components carry over from the previous build.

export interface TerraformModelInput {
  /** posix paths relative to the workspace root: .tf, .tfvars(.json), .terraform.lock.hcl (others are ignored) */
  readonly files: ReadonlyMap<string, TerraformFileInput>;
  /** extra var files (workspace-relative), highest precedence, applied to every root module in this order */
  readonly varFiles?: readonly string[];
  /** reads a workspace-relative file for file()/yamldecode(file()) and var files not in `files` */
  readonly readFile?: (path: string) => string | undefined;
  /** decodeModule results kept by the caller between builds, keyed by moduleCacheKey() */
  readonly decodeCache?: Map<string, ModuleDecl>;
  /**
   * The previous build of the same workspace: the modules of each linked component (folders joined by local module
   * calls) whose folders, configured var files and file() reads are unchanged are kept, with their memoised facts.
   * Needs `decodeCache` (unchanged folders are recognised by their cached decode) and `readFile`.
   */
  readonly previous?: TerraformModel;
}

/** The configured var files, and the text each was read from (reuse of a previous build requires equal texts). */
function configuredVarFiles(input: TerraformModelInput): { decls: VarFileDecl[]; texts: (string | undefined)[] } {
  const texts: (string | undefined)[] = [];
  const decls = (input.varFiles ?? []).flatMap((path) => {
    const known = input.files.get(path);
    texts.push(known ? known.text : input.readFile?.(path));
    if (known) return [varFileDecl(path, known)];
    const text = texts[texts.length - 1];
    if (text === undefined) return [];
    return [varFileDecl(path, { text, parse: parseHcl(path.endsWith('.json') ? '' : text) })];
  });
  return { decls, texts };
}

export function buildTerraformModel(input: TerraformModelInput): TerraformModel {
  const byDir = new Map<string, Map<string, TerraformFileInput>>();
  for (const [path, file] of input.files) {
    const dir = dirOf(path);
    if (!byDir.has(dir)) byDir.set(dir, new Map());
    byDir.get(dir)!.set(path, file);
  }
  const varFiles = configuredVarFiles(input);
  const decls: ModuleDecl[] = [];
  for (const dir of [...byDir.keys()].sort()) {
    const files = byDir.get(dir)!;
    if (![...files.keys()].some(isConfigFile)) continue;
    const key = input.decodeCache ? moduleCacheKey(dir, files) : '';
    let decl = input.decodeCache?.get(key);
    if (!decl) {
      decl = decodeModule(dir, files);
      input.decodeCache?.set(key, decl);
    }
    decls.push(decl);
  }
  const previous = input.previous instanceof Model ? input.previous.reuse : undefined;
  const reusable = previous !== undefined && input.readFile !== undefined && sameTexts(previous.varTexts, varFiles.texts);
  const groups = (input.readFile && input.decodeCache && linkedComponents(decls)) || [decls];
  const components = new Map<ModuleDecl, Component>();
  for (const group of groups) {
    const old = reusable ? previous.components.get(group[0]) : undefined;
    const component = old && reuseComponent(old, group, input.readFile!) ? old : newComponent(group, varFiles.decls, input.readFile);
    for (const d of group) components.set(d, component);
  }
  const modules = decls.map((d) => components.get(d)!.modules.get(d)!);
  return new Model(modules, { components, varTexts: varFiles.texts });
}

function sameTexts(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Modules built together (their links and lazy evaluation memos stay valid while their inputs are unchanged). */
interface Component {
  readonly modules: ReadonlyMap<ModuleDecl, ModuleImpl>;
  /** paths these modules read by path -> text seen */
  readonly reads: Map<string, string | undefined>;
  /** the current build's reader: reads of reused modules are recorded where the latest build records them */
  read: ((path: string) => string | undefined) | undefined;
}

interface ReuseState {
  readonly components: ReadonlyMap<ModuleDecl, Component>;
  readonly varTexts: readonly (string | undefined)[];
}

/** True (and the component now reads through `read`) when it holds exactly `group` and every file it read is unchanged. */
function reuseComponent(c: Component, group: readonly ModuleDecl[], read: (path: string) => string | undefined): boolean {
  if (c.modules.size !== group.length || group.some((d) => !c.modules.has(d))) return false;
  // re-reading also records these paths as inputs of the new build
  for (const [p, text] of c.reads) if (read(p) !== text) return false;
  c.read = read;
  return true;
}

function newComponent(group: readonly ModuleDecl[], varFiles: readonly VarFileDecl[], read: TerraformModelInput['readFile']): Component {
  const reads = new Map<string, string | undefined>();
  const component: Component = { modules: new Map(), reads, read };
  const readFile = read && ((p: string): string | undefined => {
    const text = component.read!(p);
    reads.set(p, text);
    return text;
  });
  const ctx: ModelContext = { active: new Set(), configuredVarFiles: varFiles, readFile };
  const modules = group.map((d) => new ModuleImpl(d, ctx));
  const byPath = new Map(modules.map((m) => [m.dir, m]));
  for (const m of modules) {
    (component.modules as Map<ModuleDecl, ModuleImpl>).set(m.decl, m);
    for (const call of m.moduleCalls) {
      const source = call.source;
      const childDir = isLocalSource(source) ? joinPath(m.dir, source) : undefined;
      const child = childDir === undefined ? undefined : byPath.get(childDir);
      if (!child) continue;
      call.child = child;
      child.callers.push(call);
    }
  }
  return component;
}

class Model implements TerraformModel {
  readonly roots: readonly TfModule[];
  private k8s: WithReads<readonly TfKubernetesObject[]> | undefined;
  // rules ask these once per file: indexed / memoised so each costs a look-up, not a scan of every module
  private readonly byDir: ReadonlyMap<string, ModuleImpl>;
  private readonly byType = new Map<string, readonly TfResource[]>();

  constructor(
    readonly modules: readonly ModuleImpl[],
    /** what the next build may keep from this one */
    readonly reuse: ReuseState,
  ) {
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
    return (this.k8s = held(this.k8s, () => this.modules.flatMap((m) => m.kubernetesObjects))).value;
  }
}
