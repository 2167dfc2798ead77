import type { TextRange } from '../../text/text-range';

// Maps offsets in a decoded YAML scalar back to the source text, so findings inside a string value (a Corefile in
// a ConfigMap, the `objects` YAML of a SecretProviderClass) can point at the exact characters.

export type SourceScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';

/**
 * Returns a function from a decoded range to a source range. `valueRange` is the scalar's value range in `text`
 * (for block scalars it starts at the `|`/`>` header). Literal blocks map line by line; other styles by aligning
 * decoded characters with the source while skipping indentation, line breaks and quotes. When neither is provably
 * exact (escapes in double quotes, explicit indentation indicators), every range maps to the whole value.
 */
export function scalarSourceMapper(
  text: string,
  valueRange: TextRange,
  decoded: string,
  style: SourceScalarStyle,
): (r: TextRange) => TextRange {
  const table = buildTable(text, valueRange, decoded, style);
  if (!table) return () => valueRange;
  return (r) => {
    const clamp = (i: number) => Math.min(Math.max(0, i), decoded.length);
    const s = clamp(r.start);
    const e = Math.max(s, clamp(r.end));
    const start = table[s];
    const end = e > s ? table[e - 1] + 1 : start;
    return { start, end };
  };
}

/** Offset of the first content character of a block scalar (the line after the header), or undefined. */
export function blockContentStart(text: string, valueRange: TextRange): number | undefined {
  const nl = text.indexOf('\n', valueRange.start);
  if (nl < 0 || nl >= valueRange.end) return undefined;
  let i = nl + 1;
  while (i < valueRange.end && text.charCodeAt(i) === 32) i++;
  return i;
}

function buildTable(text: string, vr: TextRange, decoded: string, style: SourceScalarStyle): Int32Array | undefined {
  if (style === 'double-quoted' && text.slice(vr.start, vr.end).includes('\\')) return undefined;
  if (style === 'literal') {
    const t = literalTable(text, vr, decoded);
    if (t && verify(text, decoded, t)) return t;
  }
  const skipQuote = style === 'single-quoted' ? 39 : style === 'double-quoted' ? 34 : -1;
  const from = style === 'literal' || style === 'folded' ? headerEnd(text, vr) : vr.start;
  const t = alignTable(text, from, vr.end, decoded, skipQuote);
  return t && verify(text, decoded, t) ? t : undefined;
}

/** Position just after the block header line (`| # comment\n`). */
function headerEnd(text: string, vr: TextRange): number {
  const nl = text.indexOf('\n', vr.start);
  return nl < 0 || nl > vr.end ? vr.end : nl + 1;
}

function literalTable(text: string, vr: TextRange, decoded: string): Int32Array | undefined {
  const header = text.slice(vr.start, headerEnd(text, vr));
  if (/^[|>][-+]?[1-9]|^[|>][1-9]/.test(header)) return undefined; // explicit indentation: leave to alignment
  let lineStart = headerEnd(text, vr);
  const indent = firstContentIndent(text, lineStart, vr.end);
  const table = new Int32Array(decoded.length + 1);
  let pos = -1;
  for (let j = 0; j < decoded.length; j++) {
    if (pos < 0) {
      if (lineStart > text.length) return undefined;
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      pos = lineStart + Math.min(indent, contentEnd - lineStart);
      lineStart = lineEnd + 1;
    }
    if (decoded.charCodeAt(j) === 10) {
      // the decoded line break sits where the source line's content ends (before any \r)
      let k = pos;
      while (k < text.length && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      table[j] = k;
      pos = -1;
    } else table[j] = pos++;
  }
  table[decoded.length] = decoded.length > 0 ? table[decoded.length - 1] + 1 : vr.end;
  return table;
}

function firstContentIndent(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    let n = 0;
    while (text.charCodeAt(i + n) === 32) n++;
    const c = text.charCodeAt(i + n);
    if (c !== 10 && c !== 13) return n;
    i = text.indexOf('\n', i) + 1;
    if (i === 0) break;
  }
  return 0;
}

function alignTable(text: string, from: number, to: number, decoded: string, quote: number): Int32Array | undefined {
  const table = new Int32Array(decoded.length + 1);
  let i = from;
  for (let j = 0; j < decoded.length; j++) {
    const want = decoded.charCodeAt(j);
    while (i < to && text.charCodeAt(i) !== want) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== quote) return undefined;
      i++;
    }
    if (i >= to) {
      // a folded line break or a chomped final newline has no source character of its own
      if (want !== 10 && want !== 32) return undefined;
      table[j] = to;
      continue;
    }
    table[j] = i++;
  }
  table[decoded.length] = decoded.length > 0 ? table[decoded.length - 1] + 1 : to;
  return table;
}

/** Every non-whitespace decoded character must sit on the same source character. */
function verify(text: string, decoded: string, table: Int32Array): boolean {
  for (let j = 0; j < decoded.length; j++) {
    const c = decoded.charCodeAt(j);
    if (c === 10 || c === 32 || c === 9) continue;
    if (text.charCodeAt(table[j]) !== c) return false;
  }
  return true;
}
