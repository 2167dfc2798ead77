import { Pair, Scalar, Schema, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

// A fast reader for the plain block-style YAML that makes up most manifests: block mappings and sequences, plain
// scalars on one line, one-line quoted scalars, literal block scalars and empty flow collections. It builds the
// same nodes, values and ranges the yaml package composes, and gives up (undefined) on everything else: anchors,
// aliases, tags, flow content, folded or multi-line scalars, tabs, CR, duplicate keys, any error. The caller then
// parses the chunk with the yaml package, which stays the reference (a corpus test compares the two node by node).

/** One document read from a chunk; ranges are offsets into the chunk. */
export interface BlockDocument {
  readonly contents: YamlNode;
  /** [first token, contents end, document end], as the yaml package's Document.range */
  readonly range: [number, number, number];
}

class GiveUp {}
const GIVE_UP = new GiveUp();

// Plain scalars resolve through the yaml package's own core-schema tags, so `0x1F`, `1e3`, `~` or `True` get exactly
// the values the yaml package gives them.
const scalarTags = new Schema({}).tags.filter(
  (t): t is typeof t & { test: RegExp; resolve: (s: string, onError: (m: string) => void, o: object) => unknown } =>
    !!t.default && 'test' in t && t.test instanceof RegExp,
);
const RESOLVE_OPTIONS = { intAsBigInt: false };

function resolvePlain(text: string): unknown {
  for (const tag of scalarTags) {
    if (!tag.test.test(text)) continue;
    let failed = false;
    const value = tag.resolve(text, () => (failed = true), RESOLVE_OPTIONS);
    if (failed) throw GIVE_UP;
    return value instanceof Scalar ? value.value : value; // null and bool tags return a Scalar
  }
  return text;
}

/** Reads one chunk; undefined when it holds anything beyond the subset (or more than one document). */
export function readBlockDocument(src: string): BlockDocument | undefined {
  if (src.includes('\t') || src.includes('\r')) return undefined;
  try {
    return new Reader(src).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

class Reader {
  /** start offset of the current line */
  private pos = 0;
  private lineEnd = 0;
  private indent = 0;

  constructor(private readonly src: string) {}

  document(): BlockDocument {
    const src = this.src;
    let docStart = -1;
    this.setLine(0);
    if (!this.skipTrivia()) throw GIVE_UP; // empty document: left to the yaml package
    if (this.isDocumentStart()) {
      docStart = this.pos;
      const rest = this.skipSpaces(this.pos + 3);
      if (rest < this.lineEnd && (src.charCodeAt(rest) !== HASH || rest === this.pos + 3)) throw GIVE_UP; // `--- value`
      this.nextLine();
      if (!this.skipTrivia()) throw GIVE_UP;
    }
    if (docStart < 0) docStart = this.pos + this.indent;
    if (this.isDocumentStart()) throw GIVE_UP;
    const root = this.node(0, -1);
    if (!root) throw GIVE_UP;
    if (this.skipTrivia()) throw GIVE_UP; // content left over at a lower indentation, `...`, or a second document
    // an empty value at the very end ends the document before its line break: not modelled, left to the yaml package
    if (root.end2 < src.length && src.charCodeAt(root.end2 - 1) !== 10) throw GIVE_UP;
    return { contents: root.node, range: [docStart, root.end2, src.length] };
  }

  // ---- lines ---------------------------------------------------------------------------------------------------

  private setLine(at: number): void {
    this.pos = at;
    const nl = this.src.indexOf('\n', at);
    this.lineEnd = nl < 0 ? this.src.length : nl;
    let i = at;
    while (i < this.lineEnd && this.src.charCodeAt(i) === SPACE) i++;
    this.indent = i - at;
  }

  private nextLine(): void {
    this.setLine(this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length);
  }

  private get atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  private isTrivia(): boolean {
    const first = this.pos + this.indent;
    return first >= this.lineEnd || this.src.charCodeAt(first) === HASH;
  }

  /** Moves to the next line with content; false at the end of the chunk. */
  private skipTrivia(): boolean {
    while (!this.atEnd && this.isTrivia()) this.nextLine();
    if (this.atEnd) return false;
    if (this.indent === 0 && this.src.startsWith('...', this.pos)) throw GIVE_UP;
    return true;
  }

  /** `---` then a space, line break or the end, in the first column */
  private isDocumentStart(): boolean {
    if (this.indent !== 0 || !this.src.startsWith('---', this.pos)) return false;
    const next = this.src.charCodeAt(this.pos + 3);
    return Number.isNaN(next) || next === SPACE || next === 10;
  }

  /** Is there a comment line between `from` (a line start) and `to`? */
  private commentBefore(to: number, from: number): boolean {
    for (let i = from; i < to; ) {
      const nl = this.src.indexOf('\n', i);
      const end = nl < 0 || nl > to ? to : nl;
      let j = i;
      while (j < end && this.src.charCodeAt(j) === SPACE) j++;
      if (j < end) return true;
      i = end + 1;
    }
    return false;
  }

  private skipSpaces(i: number): number {
    while (i < this.lineEnd && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** After the current line (with content ending at `lineEnd`): the line break, then blank lines and comments more indented than `parentIndent`. */
  private trailingEnd(parentIndent: number): number {
    let end = this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length;
    this.nextLine();
    const mark = this.pos;
    while (!this.atEnd && this.isTrivia()) {
      const isComment = this.pos + this.indent < this.lineEnd;
      if (isComment && this.indent <= parentIndent) break;
      if (isComment) end = this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length;
      this.nextLine();
    }
    if (this.pos !== mark) this.setLine(mark);
    return end;
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  /** The block node starting on the current content line, whose indentation must exceed `parentIndent`. */
  private node(minIndent: number, parentIndent: number): { node: YamlNode; end2: number } | undefined {
    if (this.indent < minIndent || this.indent <= parentIndent) return undefined;
    const at = this.pos + this.indent;
    if (this.isSeqItem(at)) return this.sequence(this.indent, at, parentIndent);
    return this.mapping(this.indent, at, parentIndent);
  }

  private isSeqItem(at: number): boolean {
    if (this.src.charCodeAt(at) !== DASH) return false;
    const next = at + 1;
    return next >= this.lineEnd || this.src.charCodeAt(next) === SPACE;
  }

  private sequence(indent: number, first: number, parentIndent: number): { node: YamlNode; end2: number } {
    const seq = new YAMLSeq();
    let end2 = first;
    for (;;) {
      const dash = this.pos + indent;
      const item = this.inlineValue(this.skipSpaces(dash + 1), indent, dash + 1);
      seq.items.push(item.node);
      end2 = item.end2;
      if (!this.skipTrivia() || this.indent !== indent || !this.isSeqItem(this.pos + indent)) break;
    }
    if (!this.atEnd && this.indent > indent) throw GIVE_UP;
    seq.range = [first, end2, this.collectionEnd(end2, indent)];
    return { node: seq, end2: seq.range[2] };
  }

  private mapping(indent: number, first: number, parentIndent: number): { node: YamlNode; end2: number } {
    const map = new YAMLMap();
    const keys = new Set<unknown>();
    let end2 = first;
    for (;;) {
      const keyStart = this.pos + indent;
      const key = this.key(keyStart);
      if (keys.has(key.value)) throw GIVE_UP; // duplicate keys: the yaml package's diagnostics decide
      keys.add(key.value);
      const value = this.inlineValue(this.skipSpaces(key.range![1] + 1), indent, key.range![1] + 1, true);
      map.items.push(new Pair(key, value.node));
      end2 = value.end2;
      if (!this.skipTrivia() || this.indent !== indent) break;
      if (this.isSeqItem(this.pos + indent)) throw GIVE_UP;
    }
    if (!this.atEnd && this.indent > indent) throw GIVE_UP;
    map.range = [first, end2, this.collectionEnd(end2, indent)];
    return { node: map, end2: map.range[2] };
  }

  /**
   * End of a collection: comment lines after its last value belong to it when indented at least as much as the
   * collection (comments in the first column belong to the document).
   */
  private collectionEnd(valueEnd: number, indent: number): number {
    const mark = this.pos;
    let end = valueEnd;
    if (this.pos >= valueEnd) {
      this.setLine(valueEnd);
      let absorbed = false;
      while (!this.atEnd && this.isTrivia()) {
        const isComment = this.pos + this.indent < this.lineEnd;
        if (isComment && (this.indent < indent || this.indent === 0)) break;
        if (isComment) absorbed = true;
        this.nextLine();
      }
      if (absorbed) {
        // the yaml package ends the collection at the next token: after blank lines and the next line's indentation
        while (!this.atEnd && this.pos + this.indent >= this.lineEnd) this.nextLine();
        end = this.atEnd ? this.lastCommentEnd(valueEnd) : this.pos + this.indent;
      }
    }
    this.setLine(mark);
    return end;
  }

  /** After the last comment line at or after `from` (the chunk ends in comments and blank lines). */
  private lastCommentEnd(from: number): number {
    let end = from;
    for (this.setLine(from); !this.atEnd; this.nextLine()) {
      if (this.pos + this.indent < this.lineEnd) end = this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length;
    }
    if (end !== this.src.length) throw GIVE_UP; // blank lines after the last comment: not verified against the yaml package
    return end;
  }

  /** A plain key ending in `:` (then a space or the line end); gives up on every other kind of key. */
  private key(start: number): Scalar {
    const src = this.src;
    if (!canStartPlain(src.charCodeAt(start), start + 1 < this.lineEnd ? src.charCodeAt(start + 1) : SPACE)) throw GIVE_UP;
    const colon = this.keyColon(start);
    if (colon < 0) throw GIVE_UP; // a scalar line without `key:` (a multi-line scalar, or an error)
    let end = colon;
    while (end > start && src.charCodeAt(end - 1) === SPACE) end--;
    return scalar(resolvePlain(src.slice(start, end)), Scalar.PLAIN, [start, end, end]);
  }

  /** Offset of the `:` that ends a plain key starting at `start` on this line, or -1. */
  private keyColon(start: number): number {
    const src = this.src;
    for (let i = start; i < this.lineEnd; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH && i > start && src.charCodeAt(i - 1) === SPACE) return -1;
      if (ch === COLON && (i + 1 >= this.lineEnd || src.charCodeAt(i + 1) === SPACE)) return i;
    }
    return -1;
  }

  /**
   * The value after `key:` or `- ` starting at `at` on the current line, or on the lines below. `indent` is the
   * collection's indentation; `afterIndicator` where a missing value would sit.
   */
  private inlineValue(at: number, indent: number, afterIndicator: number, isMapValue = false): { node: YamlNode; end2: number } {
    const src = this.src;
    if (at >= this.lineEnd || src.charCodeAt(at) === HASH) {
      const hasComment = at < this.lineEnd;
      const lineEnd = this.lineEnd;
      const commentEnd = this.trailingEnd(indent);
      if (this.skipTrivia()) {
        const nested = this.node(0, indent) ?? (isMapValue && this.indent === indent && this.isSeqItem(this.pos + indent) ? this.sequence(indent, this.pos + indent, indent) : undefined);
        if (nested) return nested;
      }
      // nothing below: a null scalar where the value would be (comment lines after an empty value: left to the yaml package)
      if (!hasComment && this.commentBefore(this.pos, lineEnd + 1)) throw GIVE_UP;
      const pos = hasComment ? at : Math.min(at, lineEnd);
      return { node: scalar(null, Scalar.PLAIN, [pos, pos, hasComment ? commentEnd : pos]), end2: hasComment ? commentEnd : pos };
    }
    const c = src.charCodeAt(at);
    if (c === 124) return this.literal(at, indent); // |
    if (c === 34 || c === 39) return this.quoted(at, c, indent);
    if ((c === 91 || c === 123) && this.emptyFlow(at, c)) {
      const close = src.indexOf(c === 91 ? ']' : '}', at);
      const node = c === 91 ? new YAMLSeq() : new YAMLMap();
      node.flow = true;
      const end = close + 1;
      this.expectLineRest(end);
      const end2 = this.trailingEnd(indent);
      node.range = [at, end, end2];
      return { node, end2 };
    }
    if (!canStartPlain(c, at + 1 < this.lineEnd ? src.charCodeAt(at + 1) : SPACE)) throw GIVE_UP;
    if (!isMapValue && this.keyColon(at) >= 0) return this.mapping(at - this.pos, at, indent); // `- key: value`
    return this.plain(at, indent);
  }

  private plain(at: number, indent: number): { node: YamlNode; end2: number } {
    const src = this.src;
    let end = at;
    for (let i = at; i < this.lineEnd; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH && src.charCodeAt(i - 1) === SPACE) break;
      if (ch === COLON && (i + 1 >= this.lineEnd || src.charCodeAt(i + 1) === SPACE)) throw GIVE_UP; // `a: b: c`
      if (ch !== SPACE) end = i + 1;
    }
    const end2 = this.trailingEnd(indent);
    // a more indented line right below continues a multi-line plain scalar
    if (this.skipTrivia() && this.indent > indent) throw GIVE_UP;
    return { node: scalar(resolvePlain(src.slice(at, end)), Scalar.PLAIN, [at, end, end2]), end2 };
  }

  private quoted(at: number, quote: number, indent: number): { node: YamlNode; end2: number } {
    const src = this.src;
    let value = '';
    let i = at + 1;
    let from = i;
    for (;; i++) {
      if (i >= this.lineEnd) throw GIVE_UP; // multi-line quoted scalars fold lines: left to the yaml package
      const ch = src.charCodeAt(i);
      if (quote === 39 && ch === 39) {
        if (src.charCodeAt(i + 1) !== 39) break;
        value += src.slice(from, i + 1);
        from = ++i + 1;
      } else if (quote === 34 && ch === 92) {
        value += src.slice(from, i) + escaped(src.charCodeAt(i + 1));
        from = ++i + 1;
      } else if (quote === 34 && ch === 34) break;
    }
    value += src.slice(from, i);
    const end = i + 1;
    this.expectLineRest(end);
    const end2 = this.trailingEnd(indent);
    return { node: scalar(value, quote === 34 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, [at, end, end2]), end2 };
  }

  /** `|`, `|-` or `|+` with content lines more indented than the collection. */
  private literal(at: number, indent: number): { node: YamlNode; end2: number } {
    const src = this.src;
    let h = at + 1;
    const chomp = src.charCodeAt(h) === DASH ? 'strip' : src.charCodeAt(h) === 43 ? 'keep' : 'clip';
    if (chomp !== 'clip') h++;
    this.expectLineRest(h);
    this.nextLine();
    const lines: string[] = [];
    let contentIndent = -1;
    let lastContentEnd = this.pos; // after the header line
    let blankRun = 0;
    let blankEnd = this.pos;
    while (!this.atEnd) {
      const blank = this.pos + this.indent >= this.lineEnd;
      if (blank) {
        if (contentIndent >= 0 ? this.indent > contentIndent : this.indent > 0) throw GIVE_UP; // spaces that may be content
        blankRun++;
        this.nextLine();
        blankEnd = this.pos;
        continue;
      }
      if (contentIndent < 0) {
        if (this.indent <= indent) break;
        contentIndent = this.indent;
      } else if (this.indent < contentIndent) break;
      for (; blankRun > 0; blankRun--) lines.push('');
      lines.push(src.slice(this.pos + contentIndent, this.lineEnd));
      this.nextLine();
      lastContentEnd = this.pos;
      blankEnd = this.pos;
    }
    if (lines.length === 0 && blankRun > 0) throw GIVE_UP;
    if (lastContentEnd === src.length && !src.endsWith('\n')) throw GIVE_UP; // no final line break: chomping differs
    let value = lines.join('\n');
    if (chomp === 'keep') value += '\n'.repeat(lines.length > 0 ? blankRun + 1 : blankRun);
    else if (chomp === 'clip' && lines.length > 0) value += '\n';
    const end = chomp === 'keep' ? blankEnd : lastContentEnd;
    this.setLine(end);
    return { node: scalar(value, Scalar.BLOCK_LITERAL, [at, end, end]), end2: end };
  }

  /** `[]`, `[ ]`, `{}` or `{ }` */
  private emptyFlow(at: number, open: number): boolean {
    const close = open === 91 ? 93 : 125;
    const i = this.skipSpaces(at + 1);
    return i < this.lineEnd && this.src.charCodeAt(i) === close;
  }

  /** Only spaces and a comment may follow a finished value on its line. */
  private expectLineRest(from: number): void {
    const i = this.skipSpaces(from);
    if (i < this.lineEnd && !(this.src.charCodeAt(i) === HASH && i > from)) throw GIVE_UP;
  }
}

function scalar(value: unknown, type: Scalar.Type, range: [number, number, number]): Scalar {
  const s = new Scalar(value);
  s.type = type;
  s.range = range;
  return s;
}

/** Can a plain scalar start with `c` (followed by `next`)? Not with an indicator, except `-?:` before a non-space. */
function canStartPlain(c: number, next: number): boolean {
  if (c === 45 || c === 63 || c === 58) return next !== SPACE;
  return !(c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 ||
    c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96 || c === SPACE);
}

const ESCAPES: Record<number, string> = { 48: '\0', 97: '\x07', 98: '\b', 116: '\t', 110: '\n', 118: '\v', 102: '\f', 114: '\r', 101: '\x1b', 32: ' ', 34: '"', 47: '/', 92: '\\' };

function escaped(c: number): string {
  const e = ESCAPES[c];
  if (e === undefined) throw GIVE_UP; // \x, \u, \N, line continuations...: the yaml package decodes them
  return e;
}
