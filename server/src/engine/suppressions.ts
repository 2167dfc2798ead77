import type { Workspace } from '../model/workspace';
import type { LineIndex } from '../text/line-index';

// `# aks-lint-ignore <code|name>[, ...] [-- reason]` on its own line (applies to the next code line) or at the end
// of a line (applies to that line); `# aks-lint-ignore-file <code|name>[, ...]` anywhere applies to the whole file.
// `//` works in HCL too. Comments come from the parsers, so a `#` inside a string is never read as one.

export interface FileSuppressions {
  readonly fileWide: ReadonlySet<string>;
  /** 0-based line -> lower-cased codes/names */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

interface CommentAt {
  readonly start: number;
  /** comment text including its marker */
  readonly text: string;
}

const DIRECTIVE = /^(?:#|\/\/)\s*aks-lint-ignore(-file)?(?=\s|$)(.*)$/;
/** What a file without any `aks-lint-ignore` comment suppresses: nothing (no line needs looking up). */
export const NO_SUPPRESSIONS: FileSuppressions = { fileWide: new Set(), lines: new Map() };

// Suppressions depend on the file's text only; the file object is shared by every snapshot that did not change it.
const byFile = new WeakMap<object, FileSuppressions>();

export function readSuppressions(ws: Workspace, path: string): FileSuppressions {
  const file = ws.file(path);
  if (!file) return NO_SUPPRESSIONS;
  let s = byFile.get(file);
  if (!s) byFile.set(file, (s = parseSuppressions(ws, path, file.text)));
  return s;
}

function parseSuppressions(ws: Workspace, path: string, text: string): FileSuppressions {
  if (!text.includes('aks-lint-ignore')) return NO_SUPPRESSIONS;
  const index = ws.lineIndex(path);
  if (!index) return NO_SUPPRESSIONS;
  const fileWide = new Set<string>();
  const lines = new Map<number, Set<string>>();
  for (const c of commentsOf(ws, path)) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = parseIds(m[2]);
    if (m[1]) {
      ids.forEach((id) => fileWide.add(id));
      continue;
    }
    const line = index.positionAt(c.start).line;
    const ownLine = index.lineText(line).slice(0, c.start - index.lineStart(line)).trim() === '';
    const target = ownLine ? nextCodeLine(index, line) : line;
    const set = lines.get(target) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    lines.set(target, set);
  }
  return { fileWide, lines };
}

export function isSuppressed(s: FileSuppressions, line: number, code: string, name: string): boolean {
  const c = code.toLowerCase();
  const n = name.toLowerCase();
  if (s.fileWide.has(c) || s.fileWide.has(n)) return true;
  const set = s.lines.get(line);
  return !!set && (set.has(c) || set.has(n));
}

function parseIds(rest: string): string[] {
  const list = rest.split(/\s--(?:\s|$)/)[0];
  return list.split(/[\s,]+/).filter(Boolean).map((s) => s.toLowerCase());
}

/** Skips blank lines and other comment-only lines, so several ignore comments can stack above one line. */
function nextCodeLine(index: LineIndex, line: number): number {
  for (let l = line + 1; l < index.lineCount; l++) {
    const t = index.lineText(l).trim();
    if (t !== '' && !t.startsWith('#') && !t.startsWith('//')) return l;
  }
  return line + 1;
}

function commentsOf(ws: Workspace, path: string): CommentAt[] {
  const hcl = ws.hcl(path);
  if (hcl) return hcl.file.comments.filter((c) => c.style !== '/*').map((c) => ({ start: c.range.start, text: c.text }));
  const k8s = ws.kubernetes(path);
  if (k8s) return k8s.comments.map((c) => ({ start: c.range.start, text: `#${c.text}` }));
  return [];
}
