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

// Views are made by the ten thousand and kept with their objects: what every instance of a class shares (the brand,
// the kind) sits on its prototype, and ranges are worked out when first asked for (most views never report).

class ScalarView implements KScalar {
  declare readonly [K_VALUE_BRAND]: true;
  declare readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly style: ScalarStyle;
  private cachedRange: TextRange | undefined;
  private mapper: ((r: TextRange) => TextRange) | undefined;

  constructor(private readonly node: YScalar, private readonly ctx: YamlContext) {
    const v = node.value;
    this.value = v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? (v ?? null) : String(v);
    this.style = STYLES[node.style] ?? 'plain';
  }

  get range(): TextRange {
    return (this.cachedRange ??= rangeOf(this.node, this.ctx.base));
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
    return { start: this.node.start, end: this.node.end };
  }
}

class MapView implements KMap {
  declare readonly [K_VALUE_BRAND]: true;
  declare readonly kind: 'map';
  private cachedRange: TextRange | undefined;
  /** entries built so far, by pair index: most look-ups want a few keys of a map, not all its entries */
  private built: (KEntry | undefined)[] | undefined;
  private all: readonly KEntry[] | undefined;
  /** pair index by key, for maps too large to scan on every look-up */
  private byKey: Map<string, number> | undefined;

  constructor(private readonly node: YMap, readonly ctx: YamlContext) {}

  get range(): TextRange {
    return (this.cachedRange ??= trimmedRangeOf(this.node, this.ctx));
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
    return (built[pair] ??= new YamlEntry(this.node.entries[2 * pair], this.node.entries[2 * pair + 1], this));
  }
}

/** A map entry; its ranges are made when asked for, from the key node and the value. */
class YamlEntry implements KEntry {
  readonly key: string;
  readonly value: KValue;

  constructor(private readonly keyNode: YNode | null, valueNode: YNode | null, private readonly map: MapView) {
    this.key = keyText(keyNode);
    // a missing value is a zero-width null after the key
    const at = valueNode ? NOT_USED : { start: this.keyRange.end, end: this.keyRange.end };
    this.value = yamlValue(valueNode, map.ctx, at);
  }

  get keyRange(): TextRange {
    const k = this.keyNode;
    return k && k.kind !== 'alias' ? rangeOf(k, this.map.ctx.base) : this.map.range;
  }

  /** key start to value end */
  get range(): TextRange {
    const key = this.keyRange;
    return { start: key.start, end: Math.max(key.end, this.value.range.end) };
  }
}

/** yamlValue's fallback range, only read for a missing node */
const NOT_USED: TextRange = Object.freeze({ start: 0, end: 0 });

class SeqView implements KSeq {
  declare readonly [K_VALUE_BRAND]: true;
  declare readonly kind: 'seq';
  private cachedRange: TextRange | undefined;
  private cached: KValue[] | undefined;

  constructor(private readonly node: YSeq, private readonly ctx: YamlContext) {}

  get range(): TextRange {
    return (this.cachedRange ??= trimmedRangeOf(this.node, this.ctx));
  }

  get items(): readonly KValue[] {
    this.cached ??= this.node.items.map((item) => yamlValue(item, this.ctx, item ? NOT_USED : this.range));
    return this.cached;
  }
}

for (const [view, kind] of [[ScalarView, 'scalar'], [MapView, 'map'], [SeqView, 'seq']] as const) {
  Object.defineProperty(view.prototype, K_VALUE_BRAND, { value: true });
  Object.defineProperty(view.prototype, 'kind', { value: kind });
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
