import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

// The YAML tree the model reads: node kinds, scalar values and styles, and where each node starts and its value
// ends (offsets into the document's chunk). It is what the block reader builds, and what documents composed by the
// yaml package are converted to before their composed nodes are dropped: a fraction of their memory.

export type YamlStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface YScalar {
  readonly kind: 'scalar';
  /** as the yaml package's core schema resolves it: string, number, boolean or null */
  readonly value: unknown;
  readonly style: YamlStyle;
  readonly start: number;
  /** end of the value (before trailing spaces and comments) */
  readonly end: number;
}

export interface YMap {
  readonly kind: 'map';
  readonly start: number;
  readonly end: number;
  /** keys and values alternating (one array per map instead of an object per entry); a value is null when absent */
  readonly entries: readonly (YNode | null)[];
}

export interface YSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  readonly items: readonly (YNode | null)[];
}

export interface YAlias {
  readonly kind: 'alias';
  readonly start: number;
  readonly end: number;
  /** the anchored node, when the anchor was found before the alias */
  readonly target: YNode | undefined;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export function yScalar(value: unknown, style: YamlStyle, start: number, end: number): YScalar {
  return style === 'PLAIN' ? new PlainScalar(value, start, end) : new StyledScalar(value, style, start, end);
}

// A tree holds a scalar per key and per value (84,000 for the 1,000 small manifests of the memory benchmark): the kind,
// and the style of plain scalars (nearly all of them), sit on the prototype instead of in every node.
class PlainScalar implements YScalar {
  declare readonly kind: 'scalar';
  declare readonly style: 'PLAIN';
  constructor(readonly value: unknown, readonly start: number, readonly end: number) {}
}

class StyledScalar implements YScalar {
  declare readonly kind: 'scalar';
  constructor(readonly value: unknown, readonly style: YamlStyle, readonly start: number, readonly end: number) {}
}

Object.defineProperty(PlainScalar.prototype, 'kind', { value: 'scalar' });
Object.defineProperty(PlainScalar.prototype, 'style', { value: 'PLAIN' });
Object.defineProperty(StyledScalar.prototype, 'kind', { value: 'scalar' });

/**
 * An array of exactly its length. Arrays grown by push keep spare capacity (a one-element array holds 17 slots);
 * trees of tens of thousands of small collections pay for that many times over.
 */
export function exactCopy<T>(items: T[]): T[] {
  return items.length === 0 ? EMPTY : items.slice();
}
const EMPTY: never[] = [];

// Manifests repeat the same keys (apiVersion, metadata, name, labels...) in every document; sharing one copy of each
// keeps a tree's strings to what is distinct. Keys only: values repeat less and would pay the look-up for little.
// Bounded, so arbitrary input cannot grow it forever.
const MAX_SHARED = 40;
const MAX_TABLE = 50_000;
let table = new Map<string, string>();

export function shared(s: string): string {
  if (s.length > MAX_SHARED) return s;
  const hit = table.get(s);
  if (hit !== undefined) return hit;
  if (table.size >= MAX_TABLE) table = new Map();
  table.set(s, s);
  return s;
}

/** Converts a document composed by the yaml package; aliases point at the converted anchored node. */
export function fromComposed(doc: Pick<Document.Parsed, 'contents'>): YNode | null {
  const converted = new Map<unknown, YNode>();
  const convert = (node: unknown, isKey = false): YNode | null => {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    const start = range?.[0] ?? 0;
    const end = range?.[1] ?? start;
    let out: YNode | null = null;
    if (isScalar(node)) {
      const v = node.value;
      const value = v === undefined ? null : isKey && typeof v === 'string' ? shared(v) : v;
      out = yScalar(value, (node.type ?? 'PLAIN') as YamlStyle, start, end);
    } else if (isMap(node)) {
      const entries: (YNode | null)[] = [];
      for (const p of node.items) {
        if (!isPair(p)) continue;
        entries.push(convert(p.key, true), convert(p.value));
      }
      out = { kind: 'map', start, end, entries: exactCopy(entries) };
    } else if (isSeq(node)) {
      out = { kind: 'seq', start, end, items: node.items.map((item) => convert(item)) };
    } else if (isAlias(node)) {
      out = { kind: 'alias', start, end, target: converted.get(resolveAnchor(node, doc)) };
    }
    if (out && node) converted.set(node, out);
    return out;
  };
  return convert(doc.contents);
}

function resolveAnchor(alias: unknown, doc: unknown): unknown {
  try {
    return (alias as { resolve(doc: unknown): unknown }).resolve(doc);
  } catch {
    return undefined;
  }
}

/** The value nodes of a map with their keys, for code that walks entries. */
export function* mapEntries(map: YMap): Generator<[YNode | null, YNode | null]> {
  for (let i = 0; i < map.entries.length; i += 2) yield [map.entries[i], map.entries[i + 1]];
}
