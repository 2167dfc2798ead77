import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
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

/** Walks the given paths (files or folders), following symlinks once per real folder. */
export function loadFiles(paths: readonly string[], onProgress?: (count: number) => void): Loaded {
  const out: Loaded = { files: [], skipped: [], missing: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const visitFile = (abs: string, st: Stats, explicit: boolean): void => {
    if (!isLintedFile(abs)) {
      if (explicit) out.skipped.push({ abs, reason: 'not a Terraform or YAML file' });
      return;
    }
    const real = safeRealpath(abs) ?? abs;
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    if (st.size > MAX_FILE_BYTES) return void out.skipped.push({ abs, reason: `larger than 10 MB (${st.size} bytes)` });
    try {
      if (isBinary(abs)) return void out.skipped.push({ abs, reason: 'binary file' });
      const text = readFileSync(abs, 'utf8');
      out.files.push({ abs, text });
      onProgress?.(out.files.length);
    } catch (err) {
      out.skipped.push({ abs, reason: `unreadable (${errorCode(err)})` });
    }
  };
  const visitDir = (abs: string): void => {
    const real = safeRealpath(abs);
    if (real === undefined) return void out.skipped.push({ abs, reason: 'unresolvable symlink' });
    if (seenDirs.has(real)) return void out.skipped.push({ abs, reason: 'symlink loop or folder already visited' });
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch (err) {
      return void out.skipped.push({ abs, reason: `unreadable folder (${errorCode(err)})` });
    }
    for (const name of names) {
      const child = join(abs, name);
      let st: Stats;
      try {
        st = statSync(child);
      } catch (err) {
        out.skipped.push({ abs: child, reason: errorCode(err) === 'ELOOP' ? 'symlink loop' : `unreadable (${errorCode(err)})` });
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) visitDir(child);
      } else if (st.isFile()) visitFile(child, st, false);
    }
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
    if (st.isDirectory()) visitDir(abs);
    else visitFile(abs, st, true);
  }
  return out;
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

function isBinary(abs: string): boolean {
  const fd = openSync(abs, 'r');
  try {
    const buf = Buffer.alloc(8000);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
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
