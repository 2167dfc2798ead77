import type { CheckContext, FileCheckContext, Fix, Report, Rule } from '../rules/kit/define-rule';
import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import { ANY, type Reads } from '../model/terraform/attribute-reads';
import { shiftedOffset, type ValueEdit } from './value-edit';
import { ALL_TEXTS } from './tracked-context';

// A unit's reports carried over a value edit (value-edit.ts) without running its check: sound when the check read
// no attribute of an edited name and no edited file's text, as everything else it could read is the same text, at
// offsets the edit shifted. Fixes are not carried (a fix built on the old model would edit old offsets): a kept
// report's fixes come from running the check again on the snapshot being fixed, when they are asked for.

interface Entry {
  readonly outcome: { readonly reports: readonly Report[] } | { readonly crash: unknown };
  readonly reads: Reads;
  readonly texts: ReadonlySet<string> | undefined;
}

/**
 * The shifted reports ('same' when none moved and none has fixes of the old model: the entry holds as it is), or
 * undefined when the check must run again.
 */
export function keptReports(entry: Entry, edit: ValueEdit, rule: Rule): readonly Report[] | 'same' | undefined {
  if (!('reports' in entry.outcome) || entry.reads === ANY) return undefined;
  for (const name of entry.reads) if (edit.names.has(name)) return undefined;
  if (entry.texts?.has(ALL_TEXTS)) return undefined;
  if (entry.texts) for (const path of edit.spans.keys()) if (entry.texts.has(path)) return undefined;
  const reports = entry.outcome.reports;
  const out: Report[] = [];
  let same = true;
  for (const r of reports) {
    const kept = shifted(r, edit, rule);
    if (!kept) return undefined;
    same &&= kept === r;
    out.push(kept);
  }
  return same ? 'same' : out;
}

// fixes that run the check again (position-free): a report that has them and did not move is kept as it is
const rerunFixes = new WeakSet<object>();

function shifted(r: Report, edit: ValueEdit, rule: Rule): Report | undefined {
  const range = shiftedRange(edit, r.file, r.range);
  if (!range) return undefined;
  let related = r.related;
  if (related) {
    const moved = [];
    let changed = false;
    for (const rel of related) {
      const at = shiftedRange(edit, rel.file, rel.range);
      if (!at) return undefined;
      changed ||= at !== rel.range;
      moved.push(at === rel.range ? rel : { ...rel, range: at });
    }
    if (changed) related = moved;
  }
  const hasFixes = typeof r.fixes === 'function' || !!r.fixes?.length;
  if (range === r.range && related === r.related && (!hasFixes || rerunFixes.has(r.fixes!))) return r;
  const out: Report = { messageId: r.messageId, data: r.data, file: r.file, range, related };
  if (!hasFixes) return out;
  const fixes = fixesByRunningAgain(rule, out);
  rerunFixes.add(fixes);
  return { ...out, fixes };
}

function shiftedRange(edit: ValueEdit, file: string, range: TextRange): TextRange | undefined {
  const span = edit.spans.get(file);
  if (!span) return range;
  const start = shiftedOffset(span, range.start);
  const end = shiftedOffset(span, range.end);
  if (start === undefined || end === undefined) return undefined;
  return start === range.start && end === range.end ? range : { start, end };
}

// "Fix all" asks for the fixes of many kept reports of one check: it runs once per snapshot and unit.
const reruns = new WeakMap<Workspace, Map<string, readonly Report[]>>();

function reportsOnce(rule: Rule, ctx: CheckContext): readonly Report[] {
  const ws = ctx.workspace;
  let byUnit = reruns.get(ws);
  if (!byUnit) reruns.set(ws, (byUnit = new Map()));
  const unit = `${rule.code}\u0000${'file' in ctx ? (ctx as FileCheckContext).file.path : ''}`;
  let reports = byUnit.get(unit);
  if (!reports) byUnit.set(unit, (reports = [...(rule.check as (c: CheckContext) => Iterable<Report>)(ctx)]));
  return reports;
}

/** The fixes of the report the check makes on the snapshot being fixed that is this one (none if it is gone). */
function fixesByRunningAgain(rule: Rule, report: Report): (ctx: CheckContext) => readonly Fix[] {
  const data = JSON.stringify(report.data ?? {});
  return (ctx) => {
    for (const fresh of reportsOnce(rule, ctx)) {
      const same = fresh.messageId === report.messageId && fresh.file === report.file && fresh.range.start === report.range.start &&
        fresh.range.end === report.range.end && JSON.stringify(fresh.data ?? {}) === data;
      if (same) return typeof fresh.fixes === 'function' ? fresh.fixes(ctx) : (fresh.fixes ?? []);
    }
    return [];
  };
}
