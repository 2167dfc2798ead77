import type { Fix, RelatedLocation, Severity } from '../rules/kit/define-rule';
import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';

// What the engine hands to the LSP server and the CLI: a rule report with its message formatted and its severity
// resolved from configuration. Ranges are offsets; line/column exist only at the edges (see findingRange1).

export interface Finding {
  readonly code: string;
  /** the rule's kebab-case name */
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  /** with `code`, identifies the finding independently of its text */
  readonly messageId: string;
  /** workspace path */
  readonly file: string;
  readonly range: TextRange;
  readonly related?: readonly RelatedLocation[];
  /** first = preferred */
  readonly fixes?: readonly Fix[];
  /**
   * From a runner with lazy fixes, instead of `fixes`: the fixes over the snapshot being fixed (the one analysed, or
   * newer). Throws what the rule's fix code throws.
   */
  readonly fixesIn?: (ws: Workspace) => readonly Fix[];
}

export interface Position1 {
  /** 1-based */
  readonly line: number;
  /** 1-based, UTF-16 code units */
  readonly column: number;
}

/** 1-based start/end (end exclusive) of an offset range in a workspace file; line 1 column 1 when the file is absent. */
export function findingRange1(ws: Workspace, file: string, range: TextRange): { start: Position1; end: Position1 } {
  const index = ws.lineIndex(file);
  if (!index) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const s = index.positionAt(range.start);
  const e = index.positionAt(range.end);
  return { start: { line: s.line + 1, column: s.character + 1 }, end: { line: e.line + 1, column: e.character + 1 } };
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** Stable output order: file, start, end, code, message id. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0) ||
    // last: findings equal so far come out in one order however the runner visited them
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
