import type { TextRange } from '../../text/text-range';
import type { KEntry, KMap, KScalar, KSeq, KUnknown, KValue, ScalarStyle } from './k-value';

// Builders for KValues that do not come from a YAML node: the Terraform decoder uses them for
// kubernetes_config_map / kubernetes_service_account / kubernetes_manifest. Missing ranges fall back to the
// enclosing value's range, so a rule always has something to point at.

/** Marks every KValue (plain-built or YAML view) so mixed plain/KValue input can be told apart. */
export const K_VALUE_BRAND: unique symbol = Symbol('KValue');
const BRAND = K_VALUE_BRAND;

/** A plain JS tree (JSON-like) or already-built KValues, mixed freely. */
export type PlainInput = string | number | boolean | null | KValue | readonly PlainInput[] | { readonly [key: string]: PlainInput };

export interface PlainEntry {
  readonly key: string;
  readonly keyRange?: TextRange;
  readonly value: PlainInput;
}

export function isKValue(x: unknown): x is KValue {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
}

/** Whole-range mapping: the decoded text cannot be located more precisely than the value itself. */
function wholeRange(this: { range: TextRange }): TextRange {
  return this.range;
}

export function kScalar(
  value: string | number | boolean | null,
  range: TextRange,
  style: ScalarStyle = 'none',
  mapRange?: (decoded: TextRange) => TextRange,
): KScalar {
  return {
    [BRAND]: true,
    kind: 'scalar',
    value,
    text: value === null ? '' : String(value),
    style,
    range,
    contentStart: undefined,
    mapRange: mapRange ?? wholeRange,
  } as KScalar;
}

export function kUnknown(range: TextRange, reason: string): KUnknown {
  return { [BRAND]: true, kind: 'unknown', range, reason } as KUnknown;
}

export function kSeq(items: readonly PlainInput[], range: TextRange): KSeq {
  return { [BRAND]: true, kind: 'seq', range, items: items.map((v) => fromPlain(v, range)) } as KSeq;
}

export function kMap(entries: readonly PlainEntry[], range: TextRange): KMap {
  const built: KEntry[] = entries.map((e) => {
    const keyRange = e.keyRange ?? range;
    const value = fromPlain(e.value, keyRange);
    return { key: e.key, keyRange, value, range: { start: keyRange.start, end: Math.max(keyRange.end, value.range.end) } };
  });
  return mapOf(built, range);
}

/** A KMap over already-built entries (shared with the YAML view). */
export function mapOf(entries: readonly KEntry[], range: TextRange): KMap {
  return {
    [BRAND]: true,
    kind: 'map',
    range,
    entries,
    entry: (key: string) => entries.find((e) => e.key === key),
    get: (key: string) => entries.find((e) => e.key === key)?.value,
  } as KMap;
}

/** Converts a plain JS tree to KValues; every node without its own range gets `range`. */
export function fromPlain(value: PlainInput, range: TextRange): KValue {
  if (isKValue(value)) return value;
  if (value === null || typeof value !== 'object') return kScalar(value, range, typeof value === 'string' ? 'double-quoted' : 'plain');
  if (Array.isArray(value)) return kSeq(value as readonly PlainInput[], range);
  const obj = value as { readonly [key: string]: PlainInput };
  return kMap(Object.keys(obj).map((key) => ({ key, value: obj[key] })), range);
}
