import type { TextRange } from '../../text/text-range';

// The static value domain: what Terraform could know before plan. Anything else is Unknown, and Unknown
// propagates: an operation over an Unknown yields Unknown; collections keep their known elements.

/** A place in the workspace: a file (posix path relative to the workspace root) and a range in it. */
export interface SourceRef {
  readonly file: string;
  readonly range: TextRange;
}

/** "This value is attribute path `path` of the thing `address`" (e.g. azurerm_user_assigned_identity.x + principal_id). */
export interface ValueRef {
  /** `azurerm_x.n`, `data.azurerm_x.n`, `module.m` */
  readonly address: string;
  /** the instance of a count/for_each resource or module; `key` undefined when not statically known */
  readonly instance?: { readonly key: string | number | undefined };
  /** attribute names and indexes after the address (and instance); unknown indexes are `undefined` */
  readonly path: readonly (string | number | undefined)[];
}

/** Address + path as Terraform writes it: `azurerm_x.n[0].kubelet_identity[0].object_id`. */
export function refText(ref: ValueRef): string {
  const step = (s: string | number | undefined) => (typeof s === 'string' ? `.${s}` : `[${s ?? '*'}]`);
  const instance = ref.instance ? (typeof ref.instance.key === 'string' ? `["${ref.instance.key}"]` : `[${ref.instance.key ?? '*'}]`) : '';
  return ref.address + instance + ref.path.map(step).join('');
}

interface Base {
  /** the expression that produced the value */
  readonly origin?: SourceRef;
}

export interface TfString extends Base { readonly kind: 'string'; readonly value: string }
export interface TfNumber extends Base { readonly kind: 'number'; readonly value: number }
export interface TfBool extends Base { readonly kind: 'bool'; readonly value: boolean }
export interface TfNull extends Base { readonly kind: 'null' }
/** list or tuple: Terraform distinguishes them by type only, which static checks never need */
export interface TfList extends Base {
  readonly kind: 'list';
  readonly items: readonly TfValue[];
  /** set on configuration objects (resource bodies, nested blocks): elements beyond `items` are computed, see TfObject.open */
  readonly open?: ValueRef;
  /** the instance list of a counted resource/module: a missing index names an instance (ref.instance) */
  readonly instances?: boolean;
}
/** a set keeps Terraform's order: strings lexically, numbers numerically */
export interface TfSet extends Base { readonly kind: 'set'; readonly items: readonly TfValue[] }
/** map or object; keys in Terraform's (lexical) order */
export interface TfObject extends Base {
  readonly kind: 'object';
  readonly entries: ReadonlyMap<string, TfValue>;
  /**
   * Set on resource/data/module objects: attributes not written in the configuration are computed, so reading
   * a missing key yields an Unknown whose `ref` is this ref plus the key (instead of an error).
   */
  readonly open?: ValueRef;
  /** the instance map of a for_each resource/module: a missing key names an instance (ref.instance) */
  readonly instances?: boolean;
}
export interface TfUnknown extends Base {
  readonly kind: 'unknown';
  /** why it is unknown ("computed attribute", "cycle", "error: ...") */
  readonly reason?: string;
  /** set when evaluation failed rather than lacked information; try()/can() tell the two apart */
  readonly error?: boolean;
  /** the configuration object the value would come from, when that is known (computed attributes) */
  readonly ref?: ValueRef;
}

export type TfValue = TfString | TfNumber | TfBool | TfNull | TfList | TfSet | TfObject | TfUnknown;
export type TfKnownCollection = TfList | TfSet | TfObject;

export const str = (value: string, origin?: SourceRef): TfString => ({ kind: 'string', value, origin });
export const num = (value: number, origin?: SourceRef): TfNumber => ({ kind: 'number', value, origin });
export const bool = (value: boolean, origin?: SourceRef): TfBool => ({ kind: 'bool', value, origin });
export const nullValue = (origin?: SourceRef): TfNull => ({ kind: 'null', origin });
export const list = (items: readonly TfValue[], origin?: SourceRef): TfList => ({ kind: 'list', items, origin });
export const object = (entries: ReadonlyMap<string, TfValue>, origin?: SourceRef): TfObject => ({
  kind: 'object',
  entries: sortedEntries(entries),
  origin,
});
export const unknown = (reason?: string, extra?: { origin?: SourceRef; ref?: ValueRef; error?: boolean }): TfUnknown => {
  const u: { -readonly [K in keyof TfUnknown]: TfUnknown[K] } = { kind: 'unknown', reason };
  if (extra) for (const k in extra) (u as Record<string, unknown>)[k] = (extra as Record<string, unknown>)[k];
  return u;
};

/**
 * `{ ...o, ...fields }` for the small plain objects of the model (values, refs). Object spread over their many shapes
 * cost about a microsecond per copy in V8, and evaluation and tracing copy on nearly every step. Same keys, same order.
 */
export function withFields<T extends object>(o: T, fields: Partial<T> | Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = o[k];
  for (const k in fields) out[k] = (fields as Record<string, unknown>)[k];
  return out as T;
}

export function objectOf(record: Record<string, TfValue>, origin?: SourceRef): TfObject {
  return object(new Map(Object.entries(record)), origin);
}

function sortedEntries(entries: ReadonlyMap<string, TfValue>): ReadonlyMap<string, TfValue> {
  const keys = [...entries.keys()];
  if (keys.every((k, i) => i === 0 || keys[i - 1] < k)) return entries;
  return new Map(keys.sort().map((k) => [k, entries.get(k)!]));
}

/** Builds a set: duplicates dropped, ordered as Terraform orders sets. */
export function set(items: readonly TfValue[], origin?: SourceRef): TfSet {
  const unique: TfValue[] = [];
  for (const item of items) if (item.kind === 'unknown' || !unique.some((u) => valuesEqual(u, item))) unique.push(item);
  const known = unique.filter((v) => v.kind !== 'unknown');
  const unknowns = unique.filter((v) => v.kind === 'unknown');
  if (known.every((v) => v.kind === 'string')) known.sort((a, b) => cmp((a as TfString).value, (b as TfString).value));
  else if (known.every((v) => v.kind === 'number')) known.sort((a, b) => (a as TfNumber).value - (b as TfNumber).value);
  return { kind: 'set', items: [...known, ...unknowns], origin };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isUnknown(v: TfValue): v is TfUnknown {
  return v.kind === 'unknown';
}

/** True when the value and everything inside it is known. */
export function isWhollyKnown(v: TfValue): boolean {
  switch (v.kind) {
    case 'unknown':
      return false;
    case 'list':
    case 'set':
      return v.items.every(isWhollyKnown);
    case 'object':
      return [...v.entries.values()].every(isWhollyKnown);
    default:
      return true;
  }
}

/** The first Unknown inside the value (itself included), to propagate its reason. */
export function firstUnknown(v: TfValue): TfUnknown | undefined {
  if (v.kind === 'unknown') return v;
  const children = v.kind === 'list' || v.kind === 'set' ? v.items : v.kind === 'object' ? [...v.entries.values()] : [];
  for (const c of children) {
    const u = firstUnknown(c);
    if (u) return u;
  }
  return undefined;
}

/** Structural equality of known values (origins ignored); Unknowns are never equal. */
export function valuesEqual(a: TfValue, b: TfValue): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return false;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'list':
    case 'set': {
      const bi = (b as TfList | TfSet).items;
      return a.items.length === bi.length && a.items.every((x, i) => valuesEqual(x, bi[i]));
    }
    case 'object': {
      const be = (b as TfObject).entries;
      return a.entries.size === be.size && [...a.entries].every(([k, v]) => be.has(k) && valuesEqual(v, be.get(k)!));
    }
  }
}

/** The value with a different origin (values are immutable). */
export function withOrigin<T extends TfValue>(v: T, origin: SourceRef | undefined): T {
  return origin === undefined ? v : withFields(v, { origin });
}

/** Converts a known value to a plain JS value (objects become records); undefined if anything is unknown. */
export function toJs(v: TfValue): unknown {
  switch (v.kind) {
    case 'unknown':
      return undefined;
    case 'null':
      return null;
    case 'list':
    case 'set': {
      const items = v.items.map(toJs);
      return items.includes(undefined) ? undefined : items;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, item] of v.entries) {
        const js = toJs(item);
        if (js === undefined) return undefined;
        out[k] = js;
      }
      return out;
    }
    default:
      return v.value;
  }
}

/** Converts plain JS data (JSON/YAML results) to a value. */
export function fromJs(data: unknown, origin?: SourceRef): TfValue {
  if (data === null || data === undefined) return nullValue(origin);
  if (typeof data === 'string') return str(data, origin);
  if (typeof data === 'number') return num(data, origin);
  if (typeof data === 'boolean') return bool(data, origin);
  if (Array.isArray(data)) return list(data.map((d) => fromJs(d)), origin);
  if (typeof data === 'object') {
    return object(new Map(Object.entries(data as Record<string, unknown>).map(([k, d]) => [k, fromJs(d)])), origin);
  }
  return unknown(`unsupported value ${typeof data}`, { origin });
}

/** The string, number or bool inside a value, or undefined when it is not a known primitive. */
export function stringOf(v: TfValue | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}
export function numberOf(v: TfValue | undefined): number | undefined {
  return v?.kind === 'number' ? v.value : undefined;
}
export function boolOf(v: TfValue | undefined): boolean | undefined {
  return v?.kind === 'bool' ? v.value : undefined;
}
