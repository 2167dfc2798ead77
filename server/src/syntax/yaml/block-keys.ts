import { YAMLParseError } from 'yaml';
import { shared, type YNode } from './yaml-tree';
import { GIVE_UP, resolvePlain, UNRESOLVED } from './block-scalars';

// Keys of the block reader (block-reader.ts, flow-collections.ts): plain keys resolved and shared, and duplicate keys
// found as the yaml package finds them (equal as values).

/** Maps with more keys than this look keys up in a Set (a CRD schema's `properties` can have hundreds). */
export const SCANNED_KEYS = 16;

export function duplicateKey(at: number): YAMLParseError {
  return new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
}

/**
 * Is `value` already a key of the entries read so far (keys at even offsets from `from`)? Small maps: a scan beats a
 * Set.
 */
export function hasKey(entries: readonly (YNode | null)[], value: unknown, from = 0): boolean {
  for (let i = from; i < entries.length; i += 2) if ((entries[i] as { value?: unknown }).value === value) return true;
  return false;
}

/** The keys of `entries` (at even offsets from `from`) and `next`, for a map grown past SCANNED_KEYS. */
export function keysOf(entries: readonly (YNode | null)[], next: unknown, from = 0): Set<unknown> {
  const keys = new Set<unknown>([next]);
  for (let i = from; i < entries.length; i += 2) keys.add((entries[i] as { value?: unknown }).value);
  return keys;
}

/** resolvePlain, giving up where the yaml package would report a problem */
export function plainValue(text: string): unknown {
  const value = resolvePlain(text);
  if (value === UNRESOLVED) throw GIVE_UP;
  return value;
}

// Keys come from a small vocabulary (apiVersion, metadata, name, containers...). A direct-mapped cache of recent
// string keys, compared in place, spares most keys the slice, the tag tests and the look-up in the shared table.
const KEY_SLOTS = 1024;
const keyCache: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/** The value of the plain key src[start, end) (non-empty), shared when a string. */
export function plainKey(src: string, start: number, end: number): unknown {
  const len = end - start;
  const slot = (len * 31 + src.charCodeAt(start) * 7 + src.charCodeAt(start + (len >> 1)) * 13 + src.charCodeAt(end - 1)) & (KEY_SLOTS - 1);
  const hit = keyCache[slot];
  if (hit !== undefined && hit.length === len && src.startsWith(hit, start)) return hit; // resolved to itself before
  const value = plainValue(src.slice(start, end));
  if (typeof value !== 'string') return value;
  return (keyCache[slot] = shared(value));
}
