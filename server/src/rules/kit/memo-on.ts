import { memoWithReads, NO_READS, recordReads, replayReads, type WithReads } from '../../model/terraform/attribute-reads';

// Facts and reports memoised on the model object they derive from. The model hands on unchanged objects across
// snapshots (a TfModule survives edits outside its linked module group, a K8sObject edits to other files), so a
// memo on them survives those edits and dies with them: per-edit work is then proportional to what changed.
// Only for pure functions of the owner (and of what the owner's reuse already guarantees unchanged).

// A hit replays the Terraform attribute names the value was computed from (model/terraform/attribute-reads.ts).

const tables = new WeakMap<object, Map<string, WithReads<unknown>>>();

/** `compute()` once per owner and tag. A throw stores nothing (the next call retries, and throws again). */
export function memoOn<T>(owner: object, tag: string, compute: () => T): T {
  let table = tables.get(owner);
  if (!table) tables.set(owner, (table = new Map()));
  return memoWithReads(table as Map<string, WithReads<T>>, tag, compute);
}

/** A check's reports for one owner, produced once and replayed on later runs. */
export function memoReports<R>(owner: object, tag: string, produce: () => Iterable<R>): readonly R[] {
  return memoOn(owner, tag, () => [...produce()]);
}

/**
 * Like memoReports, for reports that also depend on `key` (a fact from outside the owner, e.g. workspace-wide names):
 * one slot per owner and tag, recomputed when the key changes.
 */
export function memoReportsKeyed<R>(owner: object, tag: string, key: string, produce: () => Iterable<R>): readonly R[] {
  const slot = memoOn(owner, tag, () => ({ key: undefined as string | undefined, reports: [] as readonly R[], reads: NO_READS }));
  if (slot.key !== key) {
    const made = recordReads(() => [...produce()]);
    slot.reports = made.value;
    slot.reads = made.reads;
    slot.key = key;
  } else replayReads(slot.reads);
  return slot.reports;
}
