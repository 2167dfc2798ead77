import type { Attribute, Block, ParseResult } from '../../syntax/hcl/ast';

// Sorts one folder's files into what the module is made of. Depends only on that folder's files, so callers
// may cache the result per folder (see moduleCacheKey).

export interface TerraformFileInput {
  readonly text: string;
  readonly parse: ParseResult;
  /** a content hash of `text`, when the caller has one: cache keys then skip hashing the text again */
  readonly hash?: string;
}

export interface VarFileDecl {
  readonly file: string;
  /** HCL var file: its top-level attributes */
  readonly attributes?: readonly Attribute[];
  /** JSON var file: its parsed content (undefined if it is not a JSON object) */
  readonly json?: Readonly<Record<string, unknown>>;
}

export interface ModuleDecl {
  readonly dir: string;
  /** .tf files, sorted */
  readonly tfFiles: readonly string[];
  /** top-level blocks of the .tf files, file by file in source order */
  readonly blocks: readonly { readonly file: string; readonly node: Block }[];
  /** automatically loaded var files in precedence order (later wins) */
  readonly autoVarFiles: readonly VarFileDecl[];
  readonly lockFile: { readonly file: string; readonly blocks: readonly Block[] } | undefined;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isConfigFile(path: string): boolean {
  return path.endsWith('.tf');
}

/** terraform.tfvars < terraform.tfvars.json < *.auto.tfvars(.json) in lexical order; 0 = not auto-loaded. */
function autoVarRank(name: string): number {
  if (name === 'terraform.tfvars') return 1;
  if (name === 'terraform.tfvars.json') return 2;
  if (name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')) return 3;
  return 0;
}

export function varFileDecl(file: string, input: TerraformFileInput): VarFileDecl {
  if (!file.endsWith('.json')) {
    return { file, attributes: input.parse.file.body.items.filter((i): i is Attribute => i.kind === 'Attribute') };
  }
  try {
    const json: unknown = JSON.parse(input.text);
    return { file, json: json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined };
  } catch {
    return { file };
  }
}

/** Decodes the files of one folder (`files` holds only that folder's files). */
export function decodeModule(dir: string, files: ReadonlyMap<string, TerraformFileInput>): ModuleDecl {
  const paths = [...files.keys()].sort();
  const tfFiles = paths.filter(isConfigFile);
  const blocks = tfFiles.flatMap((file) =>
    files.get(file)!.parse.file.body.items.filter((i): i is Block => i.kind === 'Block').map((node) => ({ file, node })),
  );
  const autoVarFiles = paths
    .filter((p) => autoVarRank(baseName(p)) > 0)
    .sort((a, b) => autoVarRank(baseName(a)) - autoVarRank(baseName(b)) || (baseName(a) < baseName(b) ? -1 : 1))
    .map((p) => varFileDecl(p, files.get(p)!));
  const lockPath = paths.find((p) => baseName(p) === '.terraform.lock.hcl');
  const lockFile = lockPath
    ? { file: lockPath, blocks: files.get(lockPath)!.parse.file.body.items.filter((i): i is Block => i.kind === 'Block') }
    : undefined;
  return { dir, tfFiles, blocks, autoVarFiles, lockFile };
}

/** A cache key for decodeModule's result: changes whenever any file of the folder changes. */
export function moduleCacheKey(dir: string, files: ReadonlyMap<string, TerraformFileInput>): string {
  let h = 0x811c9dc5;
  for (const path of [...files.keys()].sort()) {
    const f = files.get(path)!;
    // the whole text on every build would cost more than the rest of an incremental rebuild
    const text = path + '\u0000' + (f.hash === undefined ? f.text : `#${f.hash}`) + '\u0000';
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${dir}#${files.size}#${h.toString(16)}`;
}
