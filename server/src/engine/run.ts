import type { FileKind, Workspace, WorkspaceFile } from '../model/workspace';
import { formatMessage, type CheckContext, type Fix, type LazyFixes, type Report, type Rule } from '../rules/kit/define-rule';
import { rules as registry } from '../rules/index';
import { effectiveSeverity, ignoredPaths, severityTable, type LintConfig, type SeverityTable } from './config';
import { compareFindings, type Finding } from './finding';
import { internalErrorFinding } from './internal-error';
import { isSuppressed, NO_SUPPRESSIONS, readSuppressions } from './suppressions';
import { Dependencies, DependencyRecorder, trackedContext } from './tracked-context';
import { fileChanges, snapshotChanges } from './snapshot-changes';
import { UnitIndex } from './unit-index';
import { keptReports } from './kept-reports';
import { valueEdit, type ValueEdit } from './value-edit';
import { ANY, recordReads, trackAttributeReads, type Reads } from '../model/terraform/attribute-reads';

// Runs rules over a snapshot. Each unit of work (a workspace rule, or a file rule on one file) is cached with the
// inputs it read; the next run re-checks a unit only when one of those inputs changed. Configuration, suppressions
// and ignore globs are applied after the cache, so changing them never re-runs a check.

export interface RunnerOptions {
  /**
   * The runner will only ever see one snapshot (the CLI without --fix): units are cached for that snapshot only,
   * without the recorded inputs, keys and index that let a long-lived runner re-check them after an edit.
   */
  readonly oneShot?: boolean;
  /**
   * Leave reports' lazy fixes unresolved: their findings carry `fixesIn` instead of `fixes` (the language server asks
   * when the user opens a finding's quick fixes). Otherwise they are resolved while the unit runs, so what they read
   * counts among the unit's inputs and a throw is the rule's internal error, like any other.
   */
  readonly lazyFixes?: boolean;
}

export interface RunOptions {
  /** report findings in these workspace paths only (file rules then run on these files only) */
  readonly files?: readonly string[];
}

interface CacheEntry {
  /** undefined in a one-shot runner */
  readonly deps: Dependencies | undefined;
  readonly key: string;
  /** reports already validated; a crash is stored as its internal-error finding */
  readonly outcome: { readonly reports: readonly Report[] } | { readonly crash: Finding };
  /** the reports as findings under one severity table (`tableKey`), made once and handed out again while it holds */
  made?: { readonly tableKey: string; readonly findings: readonly Finding[] };
  /** Terraform attribute names the check read (ANY when not recorded): a value edit of another name keeps the reports */
  readonly reads: Reads;
  /** files whose text the check read; a value edit in one of them runs it again */
  readonly texts: ReadonlySet<string> | undefined;
  /** the last snapshot (the runner's count) the entry was handed out for: it held for that snapshot */
  at: number;
}

/** A rule's cached units, which of them read what, and which have something to report. */
interface RuleState {
  /** unit ('' for a workspace rule, else the file path) -> entry */
  readonly cache: Map<string, CacheEntry>;
  readonly index: UnitIndex;
  readonly withFindings: Set<string>;
}

/** Most units report nothing: they all share this outcome instead of holding an empty one each. */
const NO_REPORTS: CacheEntry['outcome'] = Object.freeze({ reports: Object.freeze([]) });
/** A one-shot runner's entry for such a unit: nothing in it differs between units (no inputs, no key, no findings). */
const ONE_SHOT_NOTHING: CacheEntry = Object.freeze({ deps: undefined, key: '', outcome: NO_REPORTS, made: undefined, reads: ANY, texts: undefined, at: 0 });

export class RuleRunner {
  /** rule code -> its units */
  private readonly states = new Map<string, RuleState>();
  /** check invocations per rule code since construction (tests assert incrementality with it) */
  readonly invocations = new Map<string, number>();
  /** units per rule code whose reports were kept over a value edit without running the check (see kept-reports.ts) */
  readonly kept = new Map<string, number>();
  /** milliseconds spent in each rule's checks since construction (lazy model work a check triggers included) */
  readonly elapsedMs = new Map<string, number>();
  /** the snapshot of the last full run: what changed since decides which cached units need their keys checked */
  private previous: Workspace | undefined;
  /** severity table of the last full run: a run under the same table can visit affected units only */
  private previousTableKey: string | undefined;
  /** the keys made during the current run (see intern); emptied after it so it holds nothing between runs */
  private readonly keys = new Map<string, string>();

  private readonly oneShot: boolean;
  private readonly lazyFixes: boolean;
  /** a one-shot runner's snapshot: its cached units hold for this one only */
  private snapshot: Workspace | undefined;
  /** a one-shot runner records nothing it keeps: every unit writes into this one recorder */
  private readonly sink = new DependencyRecorder();
  /** record attribute reads and keep reports over value edits (long-lived runners whose fixes are worked out later) */
  private readonly keepOverValueEdits: boolean;
  /** the value edit from the snapshot before the current one, if that is all that changed */
  private edit: ValueEdit | undefined;
  /** distinct snapshots run so far (runs of the same snapshot, the edited file's then all, count once), and the last */
  private snapshots = 0;
  private lastRun: Workspace | undefined;

  constructor(readonly rules: readonly Rule[] = registry, options: RunnerOptions = {}) {
    this.oneShot = options.oneShot ?? false;
    this.lazyFixes = options.lazyFixes ?? false;
    // kept reports get their fixes by running the check again when asked, so only where fixes are asked for later
    this.keepOverValueEdits = this.lazyFixes && !this.oneShot;
    if (this.keepOverValueEdits) trackAttributeReads();
  }

  run(ws: Workspace, config?: LintConfig, options: RunOptions = {}): Finding[] {
    if (this.oneShot && this.snapshot !== ws) {
      // nothing says what another snapshot changed: start over rather than report stale results
      this.states.clear();
      this.snapshot = ws;
    }
    const only = options.files ? new Set(options.files) : undefined;
    const ignored = ignoredPaths(ws);
    const table = severityTable(this.rules, ws, config);
    const tableKey = JSON.stringify([...table]);
    const findings: Finding[] = [];
    const keep = (f: Finding): boolean => {
      if ((only && !only.has(f.file)) || ignored(f.file)) return false;
      const s = readSuppressions(ws, f.file); // memoised per file version
      // most files have no ignore comment: no line to look up (nor a line index to build for it)
      if (s === NO_SUPPRESSIONS) return true;
      const line = ws.lineIndex(f.file)?.positionAt(f.range.start).line ?? 0;
      return !isSuppressed(s, line, f.code, f.name);
    };
    // Changes since the last full run: a run restricted to some files leaves the other files' units unchecked, so
    // only a full run moves the baseline forward.
    const before = this.previous;
    const changes = before ? snapshotChanges(before, ws) : undefined;
    // After an edit, a full run under the same configuration and severities visits only the units whose inputs may
    // have changed (and new files); everything else keeps its entry and its findings.
    const incremental = !only && !!changes && !changes.config && this.previousTableKey === tableKey;
    const last = this.lastRun;
    if (last !== ws) {
      this.snapshots++;
      this.lastRun = ws;
      // the files since the last run, not the last full one: no module comparison for it (a keystroke's hot path)
      this.edit = this.keepOverValueEdits && last ? valueEdit(last, ws, last === before && changes ? changes : fileChanges(last, ws)) : undefined;
    }
    // a one-shot runner keeps no baseline: its cached units hold for its one snapshot, with nothing to compare
    if (!only && !this.oneShot) {
      this.previous = ws;
      this.previousTableKey = tableKey;
    }
    // computed once, not per rule; file rules with the same kinds share one list (in path order)
    const eligible = incremental ? [] : ws.files.filter((f) => (!only || only.has(f.path)) && !ignored(f.path));
    const byKinds = new Map<string, readonly WorkspaceFile[]>();
    const filesFor = (kinds: readonly FileKind[] | undefined): readonly WorkspaceFile[] => {
      if (!kinds) return eligible;
      const id = kinds.join(',');
      let list = byKinds.get(id);
      if (!list) byKinds.set(id, (list = eligible.filter((f) => kinds.includes(f.kind))));
      return list;
    };
    const emit = (rule: Rule, entry: CacheEntry, unit: string): void => {
      const outcome = entry.outcome;
      if (outcome === NO_REPORTS) return;
      if ('crash' in outcome) {
        if (keep(outcome.crash)) findings.push(outcome.crash);
        return;
      }
      if (entry.made?.tableKey !== tableKey) entry.made = { tableKey, findings: toFindings(rule, outcome.reports, table, unit) };
      for (const f of entry.made.findings) if (keep(f)) findings.push(f);
    };
    for (const rule of this.rules) {
      if (table.get(rule.code) === 'off') continue;
      const state = this.state(rule.code);
      // the units whose inputs may be among the changes; every other cached unit is current without checking its key
      const affected = changes ? state.index.affected(changes) : undefined;
      if (incremental && changes && affected) {
        const ids = affected;
        if (rule.scope === 'file') for (const p of changes.paths) ids.add(p);
        for (const id of ids) {
          const file = id === '' ? undefined : ws.file(id);
          const kinds = rule.scope === 'file' ? rule.fileKinds : undefined;
          const gone = id === '' ? rule.scope === 'file' : !file || ignored(id) || (kinds !== undefined && !kinds.includes(file.kind));
          if (gone) this.forget(state, id);
          else this.entry(ws, rule, state, file, undefined);
        }
        for (const id of state.withFindings) emit(rule, state.cache.get(id)!, id);
        continue;
      }
      const units = rule.scope === 'file' ? filesFor(rule.fileKinds) : [undefined];
      for (const file of units) emit(rule, this.entry(ws, rule, state, file, affected), file?.path ?? '');
    }
    // Results of deleted files would otherwise pile up over a long editing session.
    if (!only && !incremental) {
      for (const state of this.states.values()) for (const path of [...state.cache.keys()]) if (path !== '' && !ws.file(path)) this.forget(state, path);
    }
    this.keys.clear();
    return findings.sort(compareFindings);
  }

  /** One string per distinct key during a run: units of different rules over the same inputs share it. */
  private intern(key: string): string {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    this.keys.set(key, key);
    return key;
  }

  private state(code: string): RuleState {
    let state = this.states.get(code);
    if (!state) this.states.set(code, (state = { cache: new Map(), index: new UnitIndex(), withFindings: new Set() }));
    return state;
  }

  private forget(state: RuleState, id: string): void {
    state.cache.delete(id);
    state.index.delete(id);
    state.withFindings.delete(id);
  }

  private entry(
    ws: Workspace, rule: Rule, state: RuleState, file: WorkspaceFile | undefined, affected: ReadonlySet<string> | undefined,
  ): CacheEntry {
    const id = file?.path ?? '';
    const cached = state.cache.get(id);
    const keyNow = cached?.deps && (!affected || affected.has(id)) ? cached.deps.key(ws) : undefined;
    if (cached && (keyNow === undefined || keyNow === cached.key)) {
      if (!this.oneShot) cached.at = this.snapshots;
      return cached;
    }
    if (cached && this.edit && cached.at === this.snapshots - 1) {
      const kept = keptReports(cached, this.edit, rule);
      if (kept) {
        this.kept.set(rule.code, (this.kept.get(rule.code) ?? 0) + 1);
        // unmoved reports keep their findings (and the language server its copies of them)
        if (kept === 'same') return this.store(state, id, { ...cached, key: this.intern(keyNow!), at: this.snapshots });
        return this.store(state, id, { ...cached, key: this.intern(keyNow!), outcome: { reports: kept }, made: undefined, at: this.snapshots });
      }
    }
    this.invocations.set(rule.code, (this.invocations.get(rule.code) ?? 0) + 1);
    const recorder = this.oneShot ? this.sink : new DependencyRecorder();
    let outcome: CacheEntry['outcome'];
    const reports: Report[] = [];
    let reads: Reads = ANY;
    const started = performance.now();
    try {
      const ctx = trackedContext(ws, recorder, file);
      const iterable = (rule.check as (c: typeof ctx) => Iterable<Report>)(ctx);
      const collect = (): void => {
        for (const r of iterable) reports.push(validateReport(ws, rule, this.lazyFixes ? r : withFixesResolved(r, ctx)));
      };
      if (this.keepOverValueEdits) reads = recordReads(collect).reads;
      else collect();
      outcome = reports.length === 0 ? NO_REPORTS : { reports };
    } catch (err) {
      const at = file?.path ?? reports[reports.length - 1]?.file ?? ws.files[0]?.path ?? '';
      outcome = { crash: internalErrorFinding(rule, err, at) };
    }
    this.elapsedMs.set(rule.code, (this.elapsedMs.get(rule.code) ?? 0) + performance.now() - started);
    if (this.oneShot) return this.store(state, id, outcome === NO_REPORTS ? ONE_SHOT_NOTHING : { deps: undefined, key: '', outcome, made: undefined, reads: ANY, texts: undefined, at: 0 });
    const fresh = new Dependencies(recorder);
    const key = this.intern(fresh.key(ws));
    // after key(), which captures the Terraform reads: a unit that read the same inputs keeps its Dependencies (held
    // by the index too) and its place in the index; other units are indexed under their new inputs
    const same = cached?.deps !== undefined && cached.deps.sameInputs(fresh);
    const deps = same ? cached!.deps! : fresh;
    if (!same) state.index.set(id, deps);
    // `made` is set up front so every entry has one shape
    const texts = recorder.all ? undefined : recorder.texts;
    return this.store(state, id, { deps, key, outcome, made: undefined, reads: recorder.all ? ANY : reads, texts, at: this.snapshots });
  }

  private store(state: RuleState, id: string, entry: CacheEntry): CacheEntry {
    state.cache.set(id, entry);
    if (entry.outcome === NO_REPORTS) state.withFindings.delete(id);
    else state.withFindings.add(id);
    return entry;
  }
}

/** `unit`: the path of the file the reports' check ran on ('' for a workspace rule), whose context lazy fixes get. */
function toFindings(rule: Rule, reports: readonly Report[], table: SeverityTable, unit: string): Finding[] {
  const out: Finding[] = [];
  for (const r of reports) {
    const severity = effectiveSeverity(rule, r.messageId, table);
    if (severity === 'off') continue;
    out.push({
      code: rule.code,
      name: rule.name,
      severity,
      message: formatMessage((rule.messages as Readonly<Record<string, string>>)[r.messageId], r.data),
      messageId: r.messageId,
      file: r.file,
      range: r.range,
      ...(r.related?.length ? { related: r.related } : {}),
      ...(typeof r.fixes === 'function' ? { fixesIn: fixesIn(r.fixes, unit) } : r.fixes?.length ? { fixes: r.fixes } : {}),
    });
  }
  return out;
}

/** Runs every registered rule (or `options.runner`'s rules, reusing its cache) over the snapshot. Never throws for a rule's fault. */
export function runRules(ws: Workspace, config?: LintConfig, options: RunOptions & { readonly runner?: RuleRunner } = {}): Finding[] {
  return (options.runner ?? new RuleRunner()).run(ws, config ?? {}, options);
}

/** A malformed report is the rule's bug: thrown here, it becomes the rule's internal-error finding. */
function validateReport(ws: Workspace, rule: Rule, r: Report): Report {
  if (!Object.prototype.hasOwnProperty.call(rule.messages, r.messageId)) throw new Error(`reported unknown messageId "${r.messageId}"`);
  const text = ws.file(r.file)?.text;
  if (text === undefined) throw new Error(`reported a file that is not in the workspace: "${r.file}"`);
  if (!(0 <= r.range.start && r.range.start <= r.range.end && r.range.end <= text.length)) {
    throw new Error(`reported range ${r.range.start}-${r.range.end} outside ${r.file} (length ${text.length})`);
  }
  if ((typeof r.fixes === 'function' || r.fixes?.length) && !rule.fixable) throw new Error('yielded fixes but is not declared fixable: true');
  if (typeof r.fixes !== 'function') validateFixes(ws, r.fixes ?? []);
  return r;
}

function validateFixes(ws: Workspace, fixes: readonly Fix[]): void {
  for (const fix of fixes) {
    for (const e of fix.edits) {
      const t = ws.file(e.file)?.text;
      if (t === undefined || e.range.start < 0 || e.range.end < e.range.start || e.range.end > t.length) {
        throw new Error(`fix "${fix.title}" edits outside the workspace text (${e.file} ${e.range.start}-${e.range.end})`);
      }
    }
  }
}

function withFixesResolved(r: Report, ctx: CheckContext): Report {
  return typeof r.fixes === 'function' ? { ...r, fixes: r.fixes(ctx) } : r;
}

/**
 * A finding's lazy fixes over a given snapshot: the one being fixed, which may be newer than the one the check ran on
 * (the engine replays a unit's reports while its inputs are unchanged; the fix gets the current text of whatever else
 * it reads). No fixes when the checked file is gone. Throws what the fix throws, or when its edits fall outside the text.
 */
function fixesIn(lazy: LazyFixes, unit: string): (ws: Workspace) => readonly Fix[] {
  return (ws) => {
    const file = unit === '' ? undefined : ws.file(unit);
    if (unit !== '' && !file) return [];
    // nothing records these reads: the unit's inputs were settled when it ran
    const reads = new DependencyRecorder();
    const fixes = lazy(trackedContext(ws, reads, file));
    validateFixes(ws, fixes);
    return fixes;
  };
}
