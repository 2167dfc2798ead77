import type { TextRange } from '../../text/text-range';

// A Kubernetes field value with source ranges, independent of where it came from: a YAML node (lazy view,
// no copy) or a Terraform expression (built from plain data by the Terraform decoder). Rules only see this.

/** How a scalar was written. Terraform strings are 'double-quoted'; 'none' when there is no source text. */
export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded' | 'none';

export type KValue = KScalar | KMap | KSeq | KUnknown;

interface KBase {
  /** Range of the whole value in `source.file` of the owning object (for YAML: without trailing comments). */
  readonly range: TextRange;
}

export interface KScalar extends KBase {
  readonly kind: 'scalar';
  /** The decoded value: YAML 1.2 core schema for YAML; numbers/bools stay typed so rules can see unquoted `true`. */
  readonly value: string | number | boolean | null;
  /** The decoded value as a string (`String(value)`, '' for null). */
  readonly text: string;
  readonly style: ScalarStyle;
  /**
   * Maps a range in `text` (decoded string offsets) to the source range it came from. Exact for block,
   * plain and quoted scalars without escapes; otherwise conservatively the whole value range.
   */
  mapRange(decoded: TextRange): TextRange;
  /** Offset where block-scalar content starts (first content line, after indentation); undefined otherwise. */
  readonly contentStart: number | undefined;
}

export interface KEntry {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: KValue;
  /** key start to value end */
  readonly range: TextRange;
}

export interface KMap extends KBase {
  readonly kind: 'map';
  readonly entries: readonly KEntry[];
  /** First entry with this key (duplicate keys are a syntax diagnostic for YAML). */
  entry(key: string): KEntry | undefined;
  get(key: string): KValue | undefined;
}

export interface KSeq extends KBase {
  readonly kind: 'seq';
  readonly items: readonly KValue[];
}

/** A value the model cannot know statically (Terraform `var.x`, YAML alias cycles, ...). Rules stay silent on it. */
export interface KUnknown extends KBase {
  readonly kind: 'unknown';
  readonly reason: string;
}

// ---- small accessors rules use everywhere -------------------------------------------------------------

/** Follows a key path through maps; undefined when any step is missing or not a map. */
export function getPath(value: KValue | undefined, ...keys: readonly string[]): KValue | undefined {
  let cur = value;
  for (const key of keys) {
    if (cur?.kind !== 'map') return undefined;
    cur = cur.get(key);
  }
  return cur;
}

export function asMap(value: KValue | undefined): KMap | undefined {
  return value?.kind === 'map' ? value : undefined;
}

export function asSeq(value: KValue | undefined): KSeq | undefined {
  return value?.kind === 'seq' ? value : undefined;
}

export function asScalar(value: KValue | undefined): KScalar | undefined {
  return value?.kind === 'scalar' ? value : undefined;
}

/** The map items of a sequence (non-map items skipped); empty when the value is not a sequence. */
export function mapItems(value: KValue | undefined): KMap[] {
  const out: KMap[] = [];
  for (const item of asSeq(value)?.items ?? []) if (item.kind === 'map') out.push(item);
  return out;
}

/** The scalar's text when it is a non-null scalar, else undefined (maps, sequences, unknowns, `key:` with no value). */
export function scalarText(value: KValue | undefined): string | undefined {
  return value?.kind === 'scalar' && value.value !== null ? value.text : undefined;
}

/** True when the value is a scalar string that was written as a string (quoted, block, or plain that resolved to a string). */
export function isStringScalar(value: KValue | undefined): value is KScalar {
  return value?.kind === 'scalar' && typeof value.value === 'string';
}
