import { bool, list, nullValue, num, object, set, str, unknown, valuesEqual, type TfValue } from '../value';
import { asInteger, asItems, asNumber, asObject, asString, fn, FunctionError, type TfFunction } from './function-kit';
import { graphemes } from './string-functions';
import { unifyElements } from './type-conversion-functions';

// Collection functions. Those flagged allowUnknown keep working on partially known collections
// (e.g. length() of a list whose elements are computed attributes).

const partial = { allowUnknown: true };

function flatten(items: readonly TfValue[]): TfValue[] | undefined {
  const out: TfValue[] = [];
  for (const v of items) {
    if (v.kind === 'unknown') return undefined;
    if (v.kind === 'list' || v.kind === 'set') {
      const inner = flatten(v.items);
      if (!inner) return undefined;
      out.push(...inner);
    } else out.push(v);
  }
  return out;
}

function distinct(items: readonly TfValue[]): TfValue[] {
  const out: TfValue[] = [];
  for (const v of items) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
  return out;
}

function sliceBounds(n: number, start: number, end: number): void {
  if (start < 0) throw new FunctionError('start index must not be less than zero');
  if (end > n) throw new FunctionError('end index must not be greater than the length of the list');
  if (start > end) throw new FunctionError('start index must not be greater than end index');
}

export const collectionFunctions: Record<string, TfFunction> = {
  length: fn(
    1,
    1,
    ([v]) => {
      if (v.kind === 'string') return num(graphemes(v.value).length);
      if (v.kind === 'object') return num(v.entries.size);
      return num(asItems(v).length);
    },
    partial,
  ),
  concat: fn(
    1,
    Infinity,
    (args) => list(args.flatMap((a) => asItems(a))),
    partial,
  ),
  merge: fn(
    0,
    Infinity,
    (args) => {
      const out = new Map<string, TfValue>();
      for (const a of args) if (a.kind !== 'null') for (const [k, v] of asObject(a).entries) out.set(k, v);
      return object(out);
    },
    partial,
  ),
  lookup: fn(
    2,
    3,
    ([m, k, d]) => {
      const key = asString(k);
      const found = asObject(m).entries.get(key);
      if (found) return found;
      if (d === undefined) throw new FunctionError(`the given object has no attribute ${JSON.stringify(key)}`);
      return d;
    },
    partial,
  ),
  element: fn(
    2,
    2,
    ([l, i]) => {
      const items = asItems(l);
      const index = asInteger(i, 'index');
      if (items.length === 0) throw new FunctionError('cannot use element function with an empty list');
      if (index < 0) throw new FunctionError('cannot use element function with a negative index');
      return items[index % items.length];
    },
    partial,
  ),
  coalesce: fn(1, Infinity, (args) => {
    const unified = unifyElements(args, 'arguments', 'a single type');
    const hit = unified.find((v) => v.kind !== 'null' && !(v.kind === 'string' && v.value === ''));
    if (!hit) throw new FunctionError('no non-null, non-empty-string arguments');
    return hit;
  }),
  coalescelist: fn(1, Infinity, (args) => {
    const hit = args.find((a) => a.kind !== 'null' && asItems(a).length > 0);
    if (!hit) throw new FunctionError('no non-null arguments');
    return hit;
  }),
  compact: fn(1, 1, ([l]) => list(asItems(l).filter((v) => v.kind !== 'null' && asString(v) !== '').map((v) => str(asString(v))))),
  contains: fn(2, 2, ([l, v]) => bool(asItems(l).some((x) => valuesEqual(x, v)))),
  index: fn(2, 2, ([l, v]) => {
    const i = asItems(l).findIndex((x) => valuesEqual(x, v));
    if (i < 0) throw new FunctionError('item not found');
    return num(i);
  }),
  keys: fn(1, 1, ([m]) => list([...asObject(m).entries.keys()].map((k) => str(k))), partial),
  values: fn(1, 1, ([m]) => list([...asObject(m).entries.values()]), partial),
  flatten: fn(
    1,
    1,
    ([l]) => {
      const flat = flatten(asItems(l));
      return flat ? list(flat) : unknown('flatten() over an unknown nested collection');
    },
    partial,
  ),
  distinct: fn(1, 1, ([l]) => list(distinct(unifyElements(asItems(l), 'tuple', 'list')))),
  zipmap: fn(2, 2, ([k, v]) => {
    const keys = asItems(k).map((x) => asString(x, 'key'));
    const values = asItems(v);
    if (keys.length !== values.length) {
      throw new FunctionError(`number of keys (${keys.length}) does not match number of values (${values.length})`);
    }
    return object(new Map(keys.map((key, i) => [key, values[i]])));
  }),
  one: fn(
    1,
    1,
    ([l]) => {
      if (l.kind === 'null') throw new FunctionError('argument must not be null');
      const items = asItems(l);
      if (items.length > 1) throw new FunctionError('must be a list, set, or tuple value with either zero or one elements');
      return items[0] ?? nullValue();
    },
    partial,
  ),
  slice: fn(
    3,
    3,
    ([l, s, e]) => {
      const items = asItems(l);
      const start = asInteger(s, 'start_index');
      const end = asInteger(e, 'end_index');
      sliceBounds(items.length, start, end);
      return list(items.slice(start, end));
    },
    partial,
  ),
  reverse: fn(1, 1, ([l]) => list([...asItems(l)].reverse()), partial),
  sort: fn(1, 1, ([l]) => {
    const texts = asItems(l).map((v) => asString(v, 'element'));
    return list(texts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((s) => str(s)));
  }),
  setunion: fn(1, Infinity, (args) => set(args.flatMap((a) => asItems(a)))),
  setintersection: fn(1, Infinity, ([first, ...rest]) =>
    set(asItems(first).filter((v) => rest.every((r) => asItems(r).some((x) => valuesEqual(x, v))))),
  ),
  setsubtract: fn(2, 2, ([a, b]) => set(asItems(a).filter((v) => !asItems(b).some((x) => valuesEqual(x, v))))),
  alltrue: fn(1, 1, ([l]) => bool(asItems(l).every((v) => asString(v) === 'true'))),
  anytrue: fn(1, 1, ([l]) => bool(asItems(l).some((v) => asString(v) === 'true'))),
  chunklist: fn(2, 2, ([l, n]) => {
    const items = asItems(l);
    const size = asInteger(n, 'size');
    if (size < 0) throw new FunctionError('the size argument must be positive');
    if (size === 0) return list([list(items)]);
    const out: TfValue[] = [];
    for (let i = 0; i < items.length; i += size) out.push(list(items.slice(i, i + size)));
    return list(out);
  }),
  range: fn(1, 3, (args) => {
    const [start, limit, step] = args.length === 1 ? [0, asNumber(args[0]), 1] : [asNumber(args[0]), asNumber(args[1]), args[2] ? asNumber(args[2]) : undefined];
    const inc = step ?? (limit >= start ? 1 : -1);
    if (inc === 0) throw new FunctionError('step must not be zero');
    if (inc < 0 && limit > start) throw new FunctionError('end must be less than start when step is negative');
    if (inc > 0 && limit < start) throw new FunctionError('end must be greater than start when step is positive');
    const out: TfValue[] = [];
    for (let v = start; inc > 0 ? v < limit : v > limit; v += inc) {
      if (out.length >= 1024) throw new FunctionError('more than 1024 values were generated');
      out.push(num(v));
    }
    return list(out);
  }),
};
