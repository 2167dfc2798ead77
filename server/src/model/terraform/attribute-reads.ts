// Which Terraform attribute names a computation read. After an edit that changed only the value of one attribute
// (engine/value-edit.ts), a check that read no attribute of that name keeps its reports instead of running again.
// Memoised facts are shared between checks, so a memo stores the names its value was computed from and a hit counts
// as reading them; otherwise a check would look independent of what another check's memo read for it.

/** Names read, sorted and shared; `ANY` when the computation read something a name cannot describe. */
export type Reads = readonly string[];

export const NO_READS: Reads = Object.freeze([]);
/** read anything (or not known): every value edit affects it */
export const ANY: Reads = Object.freeze(['*']);

interface Frame {
  names: Set<string> | undefined;
  any: boolean;
}

/** Off in one-shot runs: nothing is kept across edits there, so nothing is recorded. */
let tracking = false;
let frame: Frame | undefined;

/** Turned on by a runner that keeps results across edits; memos computed before then count as `ANY`. */
export function trackAttributeReads(): void {
  tracking = true;
}

export function trackingReads(): boolean {
  return tracking;
}

export function noteRead(name: string): void {
  if (frame) (frame.names ??= new Set()).add(name);
}

/** Adds recorded names to the running computation (a memo hit). */
export function replayReads(reads: Reads): void {
  if (!frame || reads === NO_READS) return;
  if (reads === ANY) frame.any = true;
  else for (const n of reads) (frame.names ??= new Set()).add(n);
}

/** Runs `compute` recording what it reads; the reads also count for the computation around it. */
export function recordReads<T>(compute: () => T): { readonly value: T; readonly reads: Reads } {
  if (!tracking) return { value: compute(), reads: ANY };
  const outer = frame;
  const own: Frame = { names: undefined, any: false };
  frame = own;
  let value: T;
  try {
    value = compute();
  } finally {
    frame = outer;
  }
  const reads = own.any ? ANY : own.names ? intern(own.names) : NO_READS;
  if (outer) replayReads(reads);
  return { value, reads };
}

export interface WithReads<V> {
  readonly value: V;
  readonly reads: Reads;
}

/** A value kept in a field: computed with its reads on first use, its reads replayed on every later use. */
export function held<V>(slot: WithReads<V> | undefined, compute: () => V): WithReads<V> {
  if (!slot) return recordReads(compute);
  replayReads(slot.reads);
  return slot;
}

/** A memo table: a WeakMap or Map of entries with their reads. */
interface Table<K, V> {
  get(key: K): WithReads<V> | undefined;
  set(key: K, entry: WithReads<V>): unknown;
}

/** `compute()` once per key of `table`; a hit replays the reads the value was computed from. */
export function memoWithReads<K, V>(table: Table<K, V>, key: K, compute: () => V): V {
  const hit = table.get(key);
  if (hit) {
    if (frame) replayReads(hit.reads);
    return hit.value;
  }
  const entry = recordReads(compute);
  table.set(key, entry);
  return entry.value;
}

// Most computations read the same few names: one array per distinct set (bounded: reset when it grows large).
const interned = new Map<string, Reads>();
function intern(names: Set<string>): Reads {
  const sorted = [...names].sort();
  const key = sorted.join('\u0000');
  let known = interned.get(key);
  if (!known) {
    if (interned.size > 10_000) interned.clear();
    interned.set(key, (known = Object.freeze(sorted)));
  }
  return known;
}
