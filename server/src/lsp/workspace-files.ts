import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

// Which files the server reads from disk, and reading them without following the workspace into odd places.

const ANALYSED = /\.(tf|tfvars|ya?ml)$/i;
const SPECIAL = new Set(['.aks-lint.yaml', '.aks-lint.yml', '.terraform.lock.hcl']);
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn', 'dist', 'out', '.aks-lint-cache']);

/** Glob patterns for workspace/didChangeWatchedFiles registration. */
export const WATCHED_GLOBS = ['**/*.tf', '**/*.tfvars', '**/*.yaml', '**/*.yml', '**/.aks-lint.yaml', '**/.terraform.lock.hcl'];

/** Files read at most; a monorepo with more should configure its folders instead. */
export const MAX_INDEXED_FILES = 20_000;
/** Bytes read at most per file from disk (larger files are noted, not read). */
export const MAX_DISK_BYTES = 20_000_000;

export function isWatchedFile(path: string): boolean {
  return ANALYSED.test(path) || SPECIAL.has(basename(path));
}

export function isConfigFile(path: string): boolean {
  return basename(path) === '.aks-lint.yaml' || basename(path) === '.aks-lint.yml';
}

/** Lists watched files under `root` (no symlink following: a link loop must not hang the server). */
export async function listWorkspaceFiles(root: string, limit = MAX_INDEXED_FILES): Promise<string[]> {
  const out: string[] = [];
  const queue = [root];
  while (queue.length > 0 && out.length < limit) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped, not fatal
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) queue.push(p);
      else if (e.isFile() && isWatchedFile(p)) out.push(p);
    }
  }
  return out.slice(0, limit).sort();
}

/** Reads a file as UTF-8 text; undefined when it cannot be read; a placeholder when it is too large. */
export async function readWorkspaceFile(path: string): Promise<{ text: string; tooLarge: boolean } | undefined> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return undefined;
    if (s.size > MAX_DISK_BYTES) return { text: '', tooLarge: true };
    return { text: await readFile(path, 'utf8'), tooLarge: false };
  } catch {
    return undefined;
  }
}
