import { closeSync, existsSync, fstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME } from '../model/workspace-config';
import { fileKindOf } from '../model/workspace-files';

// Finds and reads the files to analyse. Anything odd on disk (symlink loops, unreadable or binary files, files over
// 10 MB) is reported as a skip and never stops the run.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const SKIP_DIRS = new Set(['.terraform', 'node_modules', '.git']);

export interface LoadedFile {
  /** absolute path */
  readonly abs: string;
  readonly text: string;
}

export interface Skipped {
  readonly abs: string;
  readonly reason: string;
}

export interface Loaded {
  readonly files: LoadedFile[];
  readonly skipped: Skipped[];
  /** paths given that do not exist */
  readonly missing: string[];
}

/** True for the file names aks-lint analyses. */
export function isLintedFile(name: string): boolean {
  const kind = fileKindOf(name);
  return kind !== 'other' && kind !== 'config';
}

/**
 * Walks the given paths (files or folders), following symlinks once per real folder. Plain entries are typed by
 * readdir and read through one descriptor; only symlinks are stat'ed and resolved.
 */
export function loadFiles(paths: readonly string[], onProgress?: (count: number) => void): Loaded {
  const out: Loaded = { files: [], skipped: [], missing: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const visitFile = (abs: string, real: string, explicit: boolean): void => {
    if (!isLintedFile(abs)) {
      if (explicit) out.skipped.push({ abs, reason: 'not a Terraform or YAML file' });
      return;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    const read = readTextFile(abs);
    if ('skip' in read) return void out.skipped.push({ abs, reason: read.skip });
    out.files.push({ abs, text: read.text });
    onProgress?.(out.files.length);
  };
  const visitDir = (abs: string, real: string): void => {
    if (seenDirs.has(real)) return void out.skipped.push({ abs, reason: 'symlink loop or folder already visited' });
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      return void out.skipped.push({ abs, reason: `unreadable folder (${errorCode(err)})` });
    }
    for (const entry of entries) {
      const child = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) visitDir(child, join(real, entry.name));
      } else if (entry.isFile()) visitFile(child, join(real, entry.name), false);
      else if (entry.isSymbolicLink()) visitLink(child, entry.name);
    }
  };
  const visitLink = (abs: string, name: string): void => {
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (err) {
      return void out.skipped.push({ abs, reason: errorCode(err) === 'ELOOP' ? 'symlink loop' : `unreadable (${errorCode(err)})` });
    }
    const real = safeRealpath(abs);
    if (real === undefined) return void out.skipped.push({ abs, reason: 'unresolvable symlink' });
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) visitDir(abs, real);
    } else if (st.isFile()) visitFile(abs, real, false);
  };
  for (const p of paths) {
    const abs = resolve(p);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (err) {
      if (existsSync(abs) || errorCode(err) === 'ELOOP') out.skipped.push({ abs, reason: `unreadable (${errorCode(err)})` });
      else out.missing.push(p);
      continue;
    }
    const real = safeRealpath(abs);
    if (real === undefined) out.skipped.push({ abs, reason: 'unresolvable symlink' });
    else if (st.isDirectory()) visitDir(abs, real);
    else visitFile(abs, real, true);
  }
  return out;
}

/** A file's text, or why it is skipped: over 10 MB, binary (a NUL byte in its first 8,000 bytes) or unreadable. */
function readTextFile(abs: string): { text: string } | { skip: string } {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (err) {
    return { skip: `unreadable (${errorCode(err)})` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { skip: `larger than 10 MB (${size} bytes)` };
    const bytes = readFileSync(fd);
    if (bytes.subarray(0, 8000).includes(0)) return { skip: 'binary file' };
    return { text: bytes.toString('utf8') };
  } catch (err) {
    return { skip: `unreadable (${errorCode(err)})` };
  } finally {
    closeSync(fd);
  }
}

/** The nearest .aks-lint.yaml in `start` (a folder or a file's folder) or above it. */
export function findConfigUpward(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Deepest folder containing every path (a file counts as its folder). */
export function commonFolder(absPaths: readonly string[]): string {
  const dirs = absPaths.map((p) => {
    try {
      return statSync(p).isDirectory() ? p : dirname(p);
    } catch {
      return dirname(p);
    }
  });
  let common = dirs[0] ?? process.cwd();
  for (const d of dirs.slice(1)) {
    while (common !== dirname(common) && d !== common && !d.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}

/** Posix path of `abs` relative to `root`. */
export function toPosixRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}
