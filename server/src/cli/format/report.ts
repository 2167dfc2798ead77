import type { Workspace } from '../../model/workspace';
import type { RuleMeta } from '../../rules/kit/define-rule';
import { findingRange1, type Finding, type Position1 } from '../../engine/finding';

// The formatters' input: findings with display paths (relative to the cwd, forward slashes) and 1-based ranges,
// computed once at this edge so text, JSON and SARIF agree.

export interface Range1 {
  readonly start: Position1;
  readonly end: Position1;
}

export interface ReportEdit {
  readonly file: string;
  readonly range: Range1;
  readonly newText: string;
}

export interface ReportFinding {
  readonly finding: Finding;
  readonly file: string;
  readonly range: Range1;
  readonly related: readonly { readonly file: string; readonly range: Range1; readonly message: string }[];
  readonly fixes: readonly { readonly title: string; readonly edits: readonly ReportEdit[] }[];
  /** the source lines the finding spans (for code frames), with the 1-based number of the first */
  readonly lines: readonly string[];
}

export interface LintReport {
  readonly toolVersion: string;
  /** number of files analysed */
  readonly files: number;
  readonly findings: readonly ReportFinding[];
  /** metadata of every rule that ran (SARIF tool.driver.rules) */
  readonly rules: readonly RuleMeta[];
}

/** Converts one workspace's findings; `display` maps a workspace path to its display path. */
export function reportFindings(ws: Workspace, findings: readonly Finding[], display: (path: string) => string): ReportFinding[] {
  return findings.map((f) => {
    const range = findingRange1(ws, f.file, f.range);
    const index = ws.lineIndex(f.file);
    const lines: string[] = [];
    if (index) for (let l = range.start.line; l <= Math.min(range.end.line, range.start.line + 2); l++) lines.push(index.lineText(l - 1));
    return {
      finding: f,
      file: display(f.file),
      range,
      lines,
      related: (f.related ?? []).map((r) => ({ file: display(r.file), range: findingRange1(ws, r.file, r.range), message: r.message })),
      fixes: (f.fixes ?? []).map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((e) => ({ file: display(e.file), range: findingRange1(ws, e.file, e.range), newText: e.newText })),
      })),
    };
  });
}
