import { exactCopy, shared, yScalar, type YMap, type YScalar, type YSeq } from './yaml-tree';
import { canStartPlain, quotedStyle, resolvePlain, scanQuoted, skipSpaces, UNRESOLVED } from './block-scalars';
import { hasKey } from './block-keys';

// Flow collections of the block reader (block-reader.ts): `[a, "b", 1]` and `{a: 1, "b": c}` holding scalars only,
// on one line or continued after `[`, `{` or `,` on lines indented more than the block collection around them. Each
// returns undefined where the yaml package would do something not modelled here (nested collections, multi-line
// scalars, comments inside, implicit or empty values, duplicate keys) or report an error; the reader then gives up.

const SPACE = 32;
const NL = 10;
const COMMA = 44;
const COLON = 58;

/** A flow collection and the offset after its closing bracket. */
export interface FlowCollection {
  readonly node: YSeq | YMap;
  readonly end: number;
}

/**
 * The flow sequence or mapping opening at `at` (`[` or `{`) on the line ending at `lineEnd`, which may continue on the
 * lines below, each indented more than `indent` (the block collection's).
 */
export function scanFlowCollection(src: string, at: number, lineEnd: number, indent: number): FlowCollection | undefined {
  const isMap = src.charCodeAt(at) === 123;
  const close = isMap ? 125 : 93;
  const cur = new FlowCursor(src, lineEnd, indent);
  const items: YScalar[] = [];
  if (!cur.token(at + 1)) return undefined;
  for (;;) {
    if (src.charCodeAt(cur.i) === close) break;
    const item = flowScalar(cur, isMap);
    if (!item) return undefined;
    if (isMap) {
      // `key: value`, the colon right after a quoted key or followed by a space, then a value on the same line
      const colon = cur.skip(cur.i);
      const quotedKey = item.style !== 'PLAIN';
      if (src.charCodeAt(colon) !== COLON || !(quotedKey || src.charCodeAt(colon + 1) === SPACE)) return undefined;
      cur.i = cur.skip(colon + 1);
      const value = cur.i < cur.lineEnd ? flowScalar(cur, false) : undefined;
      if (!value || hasKey(items, item.value)) return undefined;
      items.push(item, value);
    } else items.push(item);
    // the next `,` or the closing bracket on the same line; after a `,` the next item may start on a line below
    const next = cur.skip(cur.i);
    const c = src.charCodeAt(next);
    if (c === COMMA) {
      if (!cur.token(next + 1)) return undefined;
    } else if (c === close) cur.i = next;
    else return undefined;
  }
  const end = cur.i + 1;
  const node: YSeq | YMap = isMap
    ? { kind: 'map', start: at, end, entries: exactCopy(items) }
    : { kind: 'seq', start: at, end, items: exactCopy(items) };
  return { node, end };
}

/** Position in a flow collection: the current offset and the end of its line. */
class FlowCursor {
  i = 0;
  constructor(readonly src: string, public lineEnd: number, private readonly indent: number) {}

  skip(i: number): number {
    return skipSpaces(this.src, i, this.lineEnd);
  }

  /** Moves to the next token from `from`, on this line or (when allowed) the next; false where not modelled. */
  token(from: number): boolean {
    this.i = this.skip(from);
    if (this.i < this.lineEnd) return true;
    if (this.lineEnd >= this.src.length) return false;
    const start = this.lineEnd + 1;
    const nl = this.src.indexOf('\n', start);
    this.lineEnd = nl < 0 ? this.src.length : nl;
    this.i = this.skip(start);
    // a blank or comment line, or one not indented past the block collection: left to the yaml package
    return this.i < this.lineEnd && this.i - start > this.indent && this.src.charCodeAt(this.i) !== 35;
  }
}

/**
 * A quoted or plain scalar at the cursor, on its line; the cursor moves past it. A plain key ends before `: `, and a
 * key's string is shared (yaml-tree.ts); flow indicators, a pair inside a sequence, or a comment are beyond the subset.
 */
function flowScalar(cur: FlowCursor, isKey: boolean): YScalar | undefined {
  const { src, lineEnd } = cur;
  const i = cur.i;
  const c = src.charCodeAt(i);
  if (c === 34 || c === 39) {
    const q = scanQuoted(src, i, -1);
    if (!q || q.end > lineEnd) return undefined;
    cur.i = q.end;
    return yScalar(isKey ? shared(q.value) : q.value, quotedStyle(c), i, q.end);
  }
  if (!canStartPlain(c, src.charCodeAt(i + 1))) return undefined;
  let end = i;
  for (let j = i; j < lineEnd; j++) {
    const ch = src.charCodeAt(j);
    if (ch === COMMA || ch === 93 || ch === 125) break; // , ] }
    if (ch === COLON && isKey && src.charCodeAt(j + 1) === SPACE) break;
    if (ch === 91 || ch === 123 || (ch === COLON && !isPlainSafeAfterColon(src.charCodeAt(j + 1))) || (ch === 35 && src.charCodeAt(j - 1) === SPACE)) return undefined;
    if (ch !== SPACE) end = j + 1;
  }
  // a plain scalar reaching the line end could continue on the next line: not modelled
  if (cur.skip(end) >= lineEnd) return undefined;
  const value = resolvePlain(src.slice(i, end));
  if (value === UNRESOLVED) return undefined;
  cur.i = end;
  return yScalar(isKey && typeof value === 'string' ? shared(value) : value, 'PLAIN', i, end);
}

function isPlainSafeAfterColon(next: number): boolean {
  return !(next === SPACE || next === COMMA || next === 91 || next === 93 || next === 123 || next === 125 || next === NL || Number.isNaN(next));
}
