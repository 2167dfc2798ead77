// Workspace-relative posix paths ('.' is the workspace root). Pure string work: the model never touches disk.

function segments(p: string): string[] {
  return p.split('/').filter((s) => s !== '' && s !== '.');
}

/** `base` joined with a relative `rel`, normalised; undefined for absolute paths or paths leaving the workspace. */
export function joinPath(base: string, rel: string): string | undefined {
  if (rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel)) return undefined;
  const out: string[] = [];
  for (const s of [...segments(base), ...segments(rel.replace(/\\/g, '/'))]) {
    if (s !== '..') out.push(s);
    else if (out.length === 0) return undefined;
    else out.pop();
  }
  return out.length === 0 ? '.' : out.join('/');
}

/** Path of `to` as seen from folder `from` (both workspace-relative): `.`, `modules/aks`, `../shared`. */
export function relativePath(from: string, to: string): string {
  const a = segments(from);
  const b = segments(to);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const parts = [...a.slice(i).map(() => '..'), ...b.slice(i)];
  return parts.length === 0 ? '.' : parts.join('/');
}
