import type { Workspace } from '../model/workspace';
import { applyEdits, type TextEdit } from '../text/text-edit';
import type { LintConfig } from './config';
import type { Finding } from './finding';
import type { RuleRunner } from './run';

// `--fix` (and the editor's "fix all"): apply every finding's preferred fix, re-run, repeat until nothing changes.
// A fix is applied whole or not at all; fixes that overlap one already chosen wait for the next pass. A pass that
// adds syntax errors to a file is undone for that file, so a fix can never leave a file less valid than it was.

export interface FixAllResult {
  readonly workspace: Workspace;
  /** paths whose text changed */
  readonly changed: readonly string[];
  /** fixes applied, over all passes */
  readonly applied: number;
  /** findings of the final snapshot */
  readonly remaining: readonly Finding[];
}

const MAX_PASSES = 10;

export function fixAll(ws: Workspace, runner: RuleRunner, config?: LintConfig): FixAllResult {
  const original = ws;
  let applied = 0;
  let findings = runner.run(ws, config);
  const rejected = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = chooseFixes(findings, rejected);
    if (chosen.count === 0) break;
    let next = ws;
    for (const [file, edits] of chosen.edits) {
      const text = applyEdits(ws.file(file)?.text ?? '', edits);
      if (text !== undefined) next = next.withFile(file, text);
    }
    let nextFindings = runner.run(next, config);
    const worse = [...chosen.edits.keys()].filter((f) => syntaxCount(nextFindings, f) > syntaxCount(findings, f));
    if (worse.length) {
      for (const f of worse) next = next.withFile(f, ws.file(f)!.text);
      for (const [key, files] of chosen.keys) if (files.some((f) => worse.includes(f))) rejected.add(key);
      nextFindings = runner.run(next, config);
    }
    if (next === ws) break;
    applied += [...chosen.keys].filter(([key]) => !rejected.has(key)).length;
    ws = next;
    findings = nextFindings;
  }
  const changed = ws.files.filter((f) => original.file(f.path)?.text !== f.text).map((f) => f.path);
  return { workspace: ws, changed, applied, remaining: findings };
}

interface Chosen {
  count: number;
  readonly edits: Map<string, TextEdit[]>;
  /** finding key -> files its fix touches */
  readonly keys: Map<string, string[]>;
}

function chooseFixes(findings: readonly Finding[], rejected: ReadonlySet<string>): Chosen {
  const chosen: Chosen = { count: 0, edits: new Map(), keys: new Map() };
  for (const f of findings) {
    const fix = f.fixes?.[0];
    const key = `${f.code}/${f.messageId}@${f.file}:${f.range.start}`;
    if (!fix || fix.edits.length === 0 || rejected.has(key) || chosen.keys.has(key)) continue;
    const clash = fix.edits.some((e) => (chosen.edits.get(e.file) ?? []).some((o) => overlaps(o.range, e.range)));
    if (clash) continue;
    for (const e of fix.edits) {
      const list = chosen.edits.get(e.file) ?? [];
      list.push({ range: e.range, newText: e.newText });
      chosen.edits.set(e.file, list);
    }
    chosen.keys.set(key, [...new Set(fix.edits.map((e) => e.file))]);
    chosen.count++;
  }
  return chosen;
}

/** Overlapping, or two insertions at the same offset (their order would be arbitrary). */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function syntaxCount(findings: readonly Finding[], file: string): number {
  return findings.filter((f) => f.file === file && f.code.startsWith('AKS-SYN-') && f.severity === 'error').length;
}
