import type { K8sObject } from '../../model/kubernetes/object';
import { memoOn } from './memo-on';
import { NO_READS, recordReads, replayReads, type Reads } from '../../model/terraform/attribute-reads';

// Cross-file rules (pods with ServiceAccounts, SecretProviderClasses, ConfigMaps) re-run on every edit of any YAML
// file, and most edits touch none of the objects a rule joins. Sites kept with their objects, and a rebuilt list
// that holds the very same sites handed out as the same array, let indexes and facts memoised on a site or a list
// survive such edits: the per-edit work is then a pass over the objects, not the join.

/** An object declared by a Terraform resource (TfKubernetesObject and the like). */
interface Declared {
  readonly object: K8sObject;
  readonly resource: object;
}

/**
 * The defined `make(declared)` of Terraform-declared objects, in list order: kept with `list` (one per model), each
 * site kept with its object while it comes with the same resource (unchanged modules hand on both), and the same
 * array while it holds the same sites. `make` must be a pure function of the object and its resource.
 */
export function terraformSites<D extends Declared, S>(tag: string, list: readonly D[], make: (declared: D) => S | undefined): readonly S[] {
  return memoOn(list, `tf-sites:${tag}`, () => {
    const out: S[] = [];
    for (const d of list) {
      const slot = memoOn(d.object, `tf-site:${tag}`, () => ({ resource: undefined as object | undefined, site: undefined as S | undefined, reads: NO_READS }));
      if (slot.resource !== d.resource) {
        const made = recordReads(() => make(d));
        slot.resource = d.resource;
        slot.site = made.value;
        slot.reads = made.reads;
      } else replayReads(slot.reads);
      if (slot.site !== undefined) out.push(slot.site);
    }
    return sameAsLast(`tf-sites:${tag}`, out);
  });
}

/**
 * The sites of the YAML objects, then of the Terraform-declared ones (`yamlSite` / `terraformSite` give undefined for
 * an object that is not a site): each side kept as mapList and terraformSites keep it, the two joined as joinLists
 * joins them. `tag` names the two functions.
 */
export function objectSites<D extends Declared, S>(
  tag: string,
  yaml: readonly K8sObject[],
  yamlSite: (object: K8sObject) => S | undefined,
  terraform: readonly D[],
  terraformSite: (declared: D) => S | undefined,
): readonly S[] {
  return joinLists(tag, mapList(tag, yaml, yamlSite), terraformSites(tag, terraform, terraformSite));
}

interface Mapped {
  readonly list: readonly object[];
  /** `make` of each element, by position */
  readonly results: readonly unknown[];
  /** what each `make` read, by position (replayed with its result: attribute-reads.ts) */
  readonly reads: readonly Reads[];
  readonly out: readonly unknown[];
}

// per tag, the list last mapped and what came of it
const lastMapped = new Map<string, Mapped>();

/**
 * The defined `make(element)` of `list`, in list order, for a `make` that is a pure function of the element.
 * Consecutive lists (the YAML objects, the YAML files, the Terraform modules of consecutive snapshots) differ by one
 * edited file's elements: unchanged files hand on the same instances, so the elements before and after the run that
 * differs from the list last mapped under `tag` keep their results. A pass of identity comparisons instead of
 * `make` (and its YAML look-ups) for every element; cheaper than a memo per element, whose WeakMap look-up costs
 * more than most views. The result is the last array while it holds the same values. `tag` names `make`: results
 * made under a tag are handed out again for the same element. Holds one list per tag (the last snapshot's).
 */
export function mapList<T extends object, S>(tag: string, list: readonly T[], make: (element: T) => S | undefined): readonly S[] {
  const last = lastMapped.get(tag);
  if (last?.list === list) {
    for (const r of last.reads) replayReads(r);
    return last.out as readonly S[];
  }
  const results = new Array<S | undefined>(list.length);
  const reads = new Array<Reads>(list.length);
  let head = 0;
  let tail = 0;
  if (last) {
    const before = last.list;
    const shortest = Math.min(before.length, list.length);
    while (head < shortest && before[head] === list[head]) {
      results[head] = last.results[head] as S | undefined;
      replayReads((reads[head] = last.reads[head]));
      head++;
    }
    while (tail < shortest - head && before[before.length - 1 - tail] === list[list.length - 1 - tail]) {
      results[list.length - 1 - tail] = last.results[before.length - 1 - tail] as S | undefined;
      replayReads((reads[list.length - 1 - tail] = last.reads[before.length - 1 - tail]));
      tail++;
    }
  }
  for (let i = head; i < list.length - tail; i++) {
    const made = recordReads(() => make(list[i]));
    results[i] = made.value;
    reads[i] = made.reads;
  }
  const out: S[] = [];
  for (const r of results) if (r !== undefined) out.push(r);
  const same = last && last.out.length === out.length && last.out.every((x, i) => x === out[i]);
  const kept = same ? (last.out as readonly S[]) : out;
  lastMapped.set(tag, { list, results, reads, out: kept });
  return kept;
}

// the last list handed out per tag; a list is a few hundred references at most
const lastLists = new Map<string, readonly unknown[]>();

/**
 * `list`, or the array last returned for `tag` when it holds the same elements in the same order. Sound for any
 * memo keyed on the array: what is derived from a list is derived from its elements.
 */
export function sameAsLast<T>(tag: string, list: readonly T[]): readonly T[] {
  const last = lastLists.get(tag) as readonly T[] | undefined;
  if (last && last.length === list.length && last.every((x, i) => x === list[i])) return last;
  lastLists.set(tag, list);
  return list;
}

/** `a` then `b` as one array, made once per pair of arrays (and the same array while the elements are the same). */
export function joinLists<T>(tag: string, a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0) return sameAsLast(tag, a);
  const joined = memoOn(a, `joined:${tag}`, () => new WeakMap<readonly T[], readonly T[]>());
  let all = joined.get(b);
  if (!all) joined.set(b, (all = sameAsLast(tag, [...a, ...b])));
  return all;
}

interface ListMemo {
  readonly next: WeakMap<object, ListMemo>;
  done: boolean;
  value: unknown;
  reads: Reads;
}

/**
 * `compute()` once per tag and combination of `lists` (by identity): for a join whose result is a pure function of
 * its input lists (and of what their elements' reuse guarantees unchanged), replayed while none of them changed.
 */
export function memoOnLists<T>(lists: readonly [object, ...object[]], tag: string, compute: () => T): T {
  const fresh = (): ListMemo => ({ next: new WeakMap(), done: false, value: undefined, reads: NO_READS });
  let node = memoOn(lists[0], `lists:${tag}`, fresh);
  for (let i = 1; i < lists.length; i++) {
    let child = node.next.get(lists[i]);
    if (!child) node.next.set(lists[i], (child = fresh()));
    node = child;
  }
  if (!node.done) {
    const made = recordReads(compute);
    node.value = made.value;
    node.reads = made.reads;
    node.done = true;
  } else replayReads(node.reads);
  return node.value as T;
}

/** `produce(item)`'s reports for each item of `list`, in order: replayed while `list` is the same array (memoOnLists). */
export function memoReportsPerItem<T, R>(list: readonly T[], tag: string, produce: (item: T) => Iterable<R>): readonly R[] {
  return memoOnLists([list], tag, () => list.flatMap((item) => [...produce(item)]));
}
