import type { YMap, YNode, YScalar, YSeq } from '../../syntax/yaml/parse-yaml';
import { blockContentStart, scalarSourceMapper, type SourceScalarStyle } from '../../syntax/yaml/scalar-source-map';
import type { TextRange } from '../../text/text-range';
import type { KEntry, KMap, KScalar, KSeq, KValue, ScalarStyle } from './k-value';
import { K_VALUE_BRAND, kUnknown } from './plain-value';

// Lazy KValue views over the YAML tree: nothing is decoded or copied until a rule asks for it.

/** What the views need besides the node: the text the offsets index. */
export interface YamlContext {
  /** the text the nodes were parsed from (the document's chunk); node offsets index it */
  readonly text: string;
  /** offset of `text` in the file: views report `base + node offset` */
  readonly base: number;
}

export function yamlValue(node: YNode | null | undefined, ctx: YamlContext, fallback: TextRange, depth = 0): KValue {
  if (!node) return nullScalar(fallback); // a missing node gets a zero-width null
  switch (node.kind) {
    case 'scalar':
      return new ScalarView(node, ctx);
    case 'map':
      return new MapView(node, ctx);
    case 'seq':
      return new SeqView(node, ctx);
    case 'alias': {
      const own = rangeOf(node, ctx.base);
      return node.target && depth < 8 ? yamlValue(node.target, ctx, own, depth + 1) : kUnknown(own, 'unresolved YAML alias');
    }
  }
}

function rangeOf(node: YNode, base: number): TextRange {
  return { start: base + node.start, end: base + node.end };
}

/** Block collections end after their last line break; squiggles should stop at the last character. */
function trimmedRangeOf(node: YMap | YSeq, ctx: YamlContext): TextRange {
  let end = node.end;
  while (end > node.start && isBlank(ctx.text.charCodeAt(end - 1))) end--;
  return { start: ctx.base + node.start, end: ctx.base + end };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

const STYLES: Record<string, SourceScalarStyle> = {
  PLAIN: 'plain', QUOTE_SINGLE: 'single-quoted', QUOTE_DOUBLE: 'double-quoted', BLOCK_LITERAL: 'literal', BLOCK_FOLDED: 'folded',
};

class ScalarView implements KScalar {
  readonly [K_VALUE_BRAND] = true;
  readonly kind = 'scalar';
  readonly value: string | number | boolean | null;
  readonly range: TextRange;
  readonly style: ScalarStyle;
  private mapper: ((r: TextRange) => TextRange) | undefined;

  constructor(node: YScalar, private readonly ctx: YamlContext) {
    const v = node.value;
    this.value = v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? (v ?? null) : String(v);
    this.range = rangeOf(node, ctx.base);
    this.style = STYLES[node.style] ?? 'plain';
  }

  get text(): string {
    return this.value === null ? '' : String(this.value);
  }

  get contentStart(): number | undefined {
    if (this.style !== 'literal' && this.style !== 'folded') return undefined;
    const start = blockContentStart(this.ctx.text, this.local());
    return start === undefined ? undefined : this.ctx.base + start;
  }

  mapRange(decoded: TextRange): TextRange {
    if (typeof this.value !== 'string' || this.style === 'none') return this.range;
    this.mapper ??= scalarSourceMapper(this.ctx.text, this.local(), this.value, this.style);
    const r = this.mapper(decoded);
    return { start: this.ctx.base + r.start, end: this.ctx.base + r.end };
  }

  /** the range in the chunk text the node was parsed from */
  private local(): TextRange {
    return { start: this.range.start - this.ctx.base, end: this.range.end - this.ctx.base };
  }
}

class MapView implements KMap {
  readonly [K_VALUE_BRAND] = true;
  readonly kind = 'map';
  readonly range: TextRange;
  /** entries built so far, by pair index: most look-ups want a few keys of a map, not all its entries */
  private built: (KEntry | undefined)[] | undefined;
  private all: readonly KEntry[] | undefined;
  /** pair index by key, for maps too large to scan on every look-up */
  private byKey: Map<string, number> | undefined;

  constructor(private readonly node: YMap, private readonly ctx: YamlContext) {
    this.range = trimmedRangeOf(node, ctx);
  }

  get entries(): readonly KEntry[] {
    if (!this.all) {
      const pairs = this.node.entries.length >> 1;
      const all: KEntry[] = [];
      for (let i = 0; i < pairs; i++) all.push(this.entryAt(i));
      this.all = all;
    }
    return this.all;
  }

  entry(key: string): KEntry | undefined {
    // Entries are built once per map and key (children stay lazy), so repeated look-ups return the same views. The
    // first of duplicate keys wins, as in a linear search.
    const kv = this.node.entries;
    if (kv.length <= 16) {
      for (let i = 0; i < kv.length; i += 2) if (keyText(kv[i]) === key) return this.entryAt(i >> 1);
      return undefined;
    }
    if (!this.byKey) {
      this.byKey = new Map();
      for (let i = 0; i < kv.length; i += 2) {
        const k = keyText(kv[i]);
        if (!this.byKey.has(k)) this.byKey.set(k, i >> 1);
      }
    }
    const at = this.byKey.get(key);
    return at === undefined ? undefined : this.entryAt(at);
  }

  get(key: string): KValue | undefined {
    return this.entry(key)?.value;
  }

  private entryAt(pair: number): KEntry {
    const built = (this.built ??= new Array<KEntry | undefined>(this.node.entries.length >> 1));
    return (built[pair] ??= this.toEntry(this.node.entries[2 * pair], this.node.entries[2 * pair + 1]));
  }

  private toEntry(keyNode: YNode | null, valueNode: YNode | null): KEntry {
    const keyRange = keyNode && keyNode.kind !== 'alias' ? rangeOf(keyNode, this.ctx.base) : this.range;
    const value = yamlValue(valueNode, this.ctx, { start: keyRange.end, end: keyRange.end });
    return { key: keyText(keyNode), keyRange, value, range: { start: keyRange.start, end: Math.max(keyRange.end, value.range.end) } };
  }
}

class SeqView implements KSeq {
  readonly [K_VALUE_BRAND] = true;
  readonly kind = 'seq';
  readonly range: TextRange;
  private cached: KValue[] | undefined;

  constructor(private readonly node: YSeq, private readonly ctx: YamlContext) {
    this.range = trimmedRangeOf(node, ctx);
  }

  get items(): readonly KValue[] {
    this.cached ??= this.node.items.map((item) => yamlValue(item, this.ctx, this.range));
    return this.cached;
  }
}

/** A scalar key's text; '' for an empty or complex (collection) key, which no rule looks up. */
function keyText(key: YNode | null): string {
  return key?.kind === 'scalar' && key.value !== null && key.value !== undefined ? String(key.value) : '';
}

function nullScalar(at: TextRange): KScalar {
  return {
    [K_VALUE_BRAND]: true, kind: 'scalar', value: null, text: '', style: 'plain', range: at, contentStart: undefined,
    mapRange: () => at,
  } as KScalar;
}
