// File kinds and path normalisation for workspace snapshots. Paths are posix, relative to the workspace root.

export type FileKind = 'terraform' | 'tfvars' | 'tftest' | 'lock' | 'yaml' | 'config' | 'other';

/** Kinds parsed as HCL. */
export const HCL_KINDS: readonly FileKind[] = ['terraform', 'tfvars', 'tftest', 'lock'];

export interface WorkspaceFile {
  /** posix, relative to the workspace root, no leading './' */
  readonly path: string;
  readonly text: string;
  /** content hash of `text` */
  readonly hash: string;
  readonly kind: FileKind;
}

export function fileKindOf(path: string): FileKind {
  const base = basename(path).toLowerCase();
  if (base === '.aks-lint.yaml') return 'config';
  if (base === '.terraform.lock.hcl') return 'lock';
  if (base.endsWith('.tftest.hcl')) return 'tftest';
  if (base.endsWith('.tf')) return 'terraform';
  if (base.endsWith('.tfvars')) return 'tfvars';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  return 'other';
}

// a backslash, an empty, '.' or '..' segment, or a leading or trailing '/'
const NOT_NORMAL = /\\|\/\/|^\/|\/$|(^|\/)\.\.?(\/|$)|^$/;

/** Normalises a relative path: backslashes to '/', drops '.' segments and leading './', resolves 'a/..'. */
export function normalizePath(path: string): string {
  // most paths asked for are already normal (look-ups run per rule and file): answer those without splitting
  if (!NOT_NORMAL.test(path)) return path;
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string {
  return normalizePath(dir === '' ? rel : `${dir}/${rel}`);
}
