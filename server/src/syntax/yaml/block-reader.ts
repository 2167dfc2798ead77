import { YAMLParseError } from 'yaml';
import { exactCopy, shared, yScalar, type YNode } from './yaml-tree';
import { canStartPlain, GIVE_UP, resolvePlain, UNRESOLVED, scanFlowSequence, scanLiteral, scanQuoted } from './block-scalars';
import { LineCursor } from './block-lines';
import { CrlfOffsets } from './crlf-offsets';

// A fast reader for the plain block-style YAML that makes up most manifests: block mappings and sequences, plain and
// quoted scalars (multi-line ones folded), literal block scalars, one-line flow sequences of scalars. It builds the
// same nodes, values and ranges the yaml package composes, and gives up (undefined) on everything else: anchors,
// aliases, tags, flow mappings, folded block scalars, tabs, a CR outside CRLF, any error but a duplicate key (which
// it reports as the yaml package does). The caller then
// parses the chunk with the yaml package, which stays the reference (a corpus test compares the two node by node).

/** One document read from a chunk; ranges are offsets into the chunk. */
export interface BlockDocument {
  readonly contents: YNode;
  /** [first token, contents end, document end], as the yaml package's Document.range */
  readonly range: [number, number, number];
  /** duplicate keys, as the yaml package reports them (the only problem the reader reads through) */
  readonly errors: readonly YAMLParseError[];
}

/** Reads one chunk; undefined when it holds anything beyond the subset (or more than one document). */
export function readBlockDocument(src: string): BlockDocument | undefined {
  if (src.includes('\t')) return undefined;
  if (src.includes('\r')) return readCrlf(src);
  try {
    return new Reader(src).document();
  } catch {
    // GIVE_UP, or a bug of this reader: either way the yaml package composes the chunk
    return undefined;
  }
}

/** A CRLF chunk: read with LF line breaks, offsets moved back into `src` (values hold no CR either way). */
function readCrlf(src: string): BlockDocument | undefined {
  const at = CrlfOffsets.of(src);
  const doc = at && readBlockDocument(at.lf);
  if (!doc) return undefined;
  const [first, contentsEnd, end] = doc.range;
  const errors = doc.errors.map((e) => new YAMLParseError([at.original(e.pos[0]), at.original(e.pos[1])], e.code, e.message));
  return { contents: at.node(doc.contents)!, range: [at.original(first), at.original(contentsEnd), at.original(end)], errors };
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

class Reader extends LineCursor {
  private readonly errors: YAMLParseError[] = [];

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
    return { contents: root.node, range: [docStart, root.end2, src.length], errors: this.errors.length ? this.errors : NO_ERRORS };
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  /** The block node starting on the current content line, whose indentation must exceed `parentIndent`. */
  private node(minIndent: number, parentIndent: number): { node: YNode; end2: number } | undefined {
    if (this.indent < minIndent || this.indent <= parentIndent) return undefined;
    const at = this.pos + this.indent;
    if (this.isSeqItem(at)) return this.sequence(this.indent, at);
    return this.mapping(this.indent, at);
  }

  private isSeqItem(at: number): boolean {
    if (this.src.charCodeAt(at) !== DASH) return false;
    const next = at + 1;
    return next >= this.lineEnd || this.src.charCodeAt(next) === SPACE;
  }

  private sequence(indent: number, first: number): { node: YNode; end2: number } {
    const items: YNode[] = [];
    let end2 = first;
    for (;;) {
      const dash = this.pos + indent;
      const item = this.inlineValue(this.skipSpaces(dash + 1), indent, dash + 1);
      items.push(item.node);
      end2 = item.end2;
      if (!this.skipTrivia() || this.indent !== indent || !this.isSeqItem(this.pos + indent)) break;
    }
    if (!this.atEnd && this.indent > indent) throw GIVE_UP;
    return { node: { kind: 'seq', start: first, end: end2, items: exactCopy(items) }, end2: this.collectionEnd(end2, indent) };
  }

  private mapping(indent: number, first: number): { node: YNode; end2: number } {
    const entries: YNode[] = [];
    let seen: Set<unknown> | undefined; // keys of a large map (small ones are scanned)
    let end2 = first;
    for (;;) {
      const keyStart = this.pos + indent;
      const { key, afterColon } = this.key(keyStart);
      const k = (key as { value: unknown }).value;
      // A duplicate key is the yaml package's DUPLICATE_KEY error on the key's first character; the entry stays, as
      // in its map. Keys equal as values (===) are duplicates: NaN never is, although a Set would say so.
      if (k === k && (seen ? seen.has(k) : hasKey(entries, k))) this.errors.push(duplicateKey(keyStart));
      if (seen) seen.add(k);
      else if (entries.length >= 2 * SCANNED_KEYS) seen = keysOf(entries, k);
      const value = this.inlineValue(this.skipSpaces(afterColon), indent, afterColon, true);
      entries.push(key, value.node);
      end2 = value.end2;
      if (!this.skipTrivia() || this.indent !== indent) break;
      if (this.isSeqItem(this.pos + indent)) throw GIVE_UP;
    }
    if (!this.atEnd && this.indent > indent) throw GIVE_UP;
    return { node: { kind: 'map', start: first, end: end2, entries: exactCopy(entries) }, end2: this.collectionEnd(end2, indent) };
  }

  /** A plain or one-line quoted key, and the offset after its `:` (followed by a space or the line end). */
  private key(start: number): { key: YNode; afterColon: number } {
    const src = this.src;
    const c = src.charCodeAt(start);
    if (c === 34 || c === 39) {
      const q = scanQuoted(src, start, -1);
      if (!q || q.end > this.lineEnd) throw GIVE_UP;
      const colon = this.skipSpaces(q.end);
      const after = colon + 1;
      if (src.charCodeAt(colon) !== COLON || (after < this.lineEnd && src.charCodeAt(after) !== SPACE)) throw GIVE_UP;
      return { key: yScalar(shared(q.value), c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, q.end), afterColon: after };
    }
    if (!canStartPlain(c, start + 1 < this.lineEnd ? src.charCodeAt(start + 1) : SPACE)) throw GIVE_UP;
    const colon = this.keyColon(start);
    if (colon < 0) throw GIVE_UP; // a scalar line without `key:` (a multi-line scalar, or an error)
    let end = colon;
    while (end > start && src.charCodeAt(end - 1) === SPACE) end--;
    return { key: yScalar(plainKey(src, start, end), 'PLAIN', start, end), afterColon: colon + 1 };
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
  private inlineValue(at: number, indent: number, afterIndicator: number, isMapValue = false): { node: YNode; end2: number } {
    const src = this.src;
    if (at >= this.lineEnd || src.charCodeAt(at) === HASH) {
      const hasComment = at < this.lineEnd;
      const lineEnd = this.lineEnd;
      const commentEnd = this.trailingEnd(indent);
      if (this.skipTrivia()) {
        const nested = this.node(0, indent) ?? (isMapValue && this.indent === indent && this.isSeqItem(this.pos + indent) ? this.sequence(indent, this.pos + indent) : undefined);
        if (nested) return nested;
      }
      // nothing below: a null scalar where the value would be (comment lines after an empty value: left to the yaml package)
      if (!hasComment && this.commentBefore(this.pos, lineEnd + 1)) throw GIVE_UP;
      const pos = hasComment ? at : Math.min(at, lineEnd);
      return { node: yScalar(null, 'PLAIN', pos, pos), end2: hasComment ? commentEnd : pos };
    }
    const c = src.charCodeAt(at);
    if (c === 124) return this.literal(at, indent); // |
    if (c === 34 || c === 39) return this.quoted(at, indent);
    if (c === 91 && !this.emptyFlow(at, c)) {
      const flow = scanFlowSequence(src, at, this.lineEnd);
      if (!flow) throw GIVE_UP;
      this.expectLineRest(flow.end);
      const end2 = this.trailingEnd(indent);
      return { node: { kind: 'seq', start: at, end: flow.end, items: exactCopy(flow.items) }, end2 };
    }
    if ((c === 91 || c === 123) && this.emptyFlow(at, c)) {
      const end = src.indexOf(c === 91 ? ']' : '}', at) + 1;
      this.expectLineRest(end);
      const end2 = this.trailingEnd(indent);
      const node: YNode = c === 91 ? { kind: 'seq', start: at, end, items: [] } : { kind: 'map', start: at, end, entries: [] };
      return { node, end2 };
    }
    if (!canStartPlain(c, at + 1 < this.lineEnd ? src.charCodeAt(at + 1) : SPACE)) throw GIVE_UP;
    if (!isMapValue && this.keyColon(at) >= 0) return this.mapping(at - this.pos, at); // `- key: value`
    return this.plain(at, indent);
  }

  /** A plain scalar; lines below indented more than the collection continue it (folded with spaces). */
  private plain(at: number, indent: number): { node: YNode; end2: number } {
    const first = this.plainLine(at);
    let value = this.src.slice(at, first.end);
    let end = first.end;
    let lastLine = this.pos;
    if (!first.comment) {
      this.nextLine();
      let empty = 0;
      while (!this.atEnd) {
        const start = this.pos + this.indent;
        if (start >= this.lineEnd) {
          empty++;
          this.nextLine();
          continue;
        }
        const c = this.src.charCodeAt(start);
        if (this.indent <= indent || c === HASH) break;
        // a continuation line may start with any character but `#` (flow indicators are text in block context)
        const line = this.plainLine(start);
        if (line.comment) throw GIVE_UP;
        value += (empty > 0 ? '\n'.repeat(empty) : ' ') + this.src.slice(start, line.end);
        end = line.end;
        lastLine = this.pos;
        empty = 0;
        this.nextLine();
      }
      this.setLine(lastLine);
    }
    const end2 = this.trailingEnd(indent);
    // a more indented line after a comment would continue the scalar: an error for the yaml package to report
    if (this.skipTrivia() && this.indent > indent) throw GIVE_UP;
    return { node: yScalar(plainValue(value), 'PLAIN', at, end), end2 };
  }

  /** One line of a plain scalar from `at`: where its text ends and whether a comment follows. */
  private plainLine(at: number): { end: number; comment: boolean } {
    const src = this.src;
    let end = at;
    for (let i = at; i < this.lineEnd; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH && src.charCodeAt(i - 1) === SPACE) return { end, comment: true };
      if (ch === COLON && (i + 1 >= this.lineEnd || src.charCodeAt(i + 1) === SPACE)) throw GIVE_UP; // `a: b: c`
      if (ch !== SPACE) end = i + 1;
    }
    return { end, comment: false };
  }

  private quoted(at: number, indent: number): { node: YNode; end2: number } {
    const q = scanQuoted(this.src, at, indent);
    if (!q) throw GIVE_UP;
    if (q.end > this.lineEnd) this.setLine(this.src.lastIndexOf('\n', q.end - 1) + 1); // continue on the closing line
    this.expectLineRest(q.end);
    const end2 = this.trailingEnd(indent);
    return { node: yScalar(q.value, this.src.charCodeAt(at) === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', at, q.end), end2 };
  }

  /** `|`, `|-` or `|+` with content lines more indented than the collection. */
  private literal(at: number, indent: number): { node: YNode; end2: number } {
    const lit = scanLiteral(this.src, at, this.lineEnd, indent);
    if (!lit) throw GIVE_UP;
    this.setLine(lit.end);
    return { node: yScalar(lit.value, 'BLOCK_LITERAL', at, lit.end), end2: lit.end };
  }

  /** `[]`, `[ ]`, `{}` or `{ }` */
  private emptyFlow(at: number, open: number): boolean {
    const close = open === 91 ? 93 : 125;
    const i = this.skipSpaces(at + 1);
    return i < this.lineEnd && this.src.charCodeAt(i) === close;
  }


}

/** Maps with more keys than this look keys up in a Set (a CRD schema's `properties` can have hundreds). */
const SCANNED_KEYS = 16;

const NO_ERRORS: readonly YAMLParseError[] = Object.freeze([]);

function duplicateKey(at: number): YAMLParseError {
  return new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
}

/** Is `value` already a key of the entries read so far (keys at even indexes)? Small maps: a scan beats a Set. */
function hasKey(entries: readonly YNode[], value: unknown): boolean {
  for (let i = 0; i < entries.length; i += 2) if ((entries[i] as { value?: unknown }).value === value) return true;
  return false;
}

function keysOf(entries: readonly YNode[], next: unknown): Set<unknown> {
  const keys = new Set<unknown>([next]);
  for (let i = 0; i < entries.length; i += 2) keys.add((entries[i] as { value?: unknown }).value);
  return keys;
}

/** resolvePlain, giving up where the yaml package would report a problem */
function plainValue(text: string): unknown {
  const value = resolvePlain(text);
  if (value === UNRESOLVED) throw GIVE_UP;
  return value;
}

// Keys come from a small vocabulary (apiVersion, metadata, name, containers...). A direct-mapped cache of recent
// string keys, compared in place, spares most keys the slice, the tag tests and the look-up in the shared table.
const KEY_SLOTS = 1024;
const keyCache: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/** The value of the plain key src[start, end) (non-empty), shared when a string. */
function plainKey(src: string, start: number, end: number): unknown {
  const len = end - start;
  const slot = (len * 31 + src.charCodeAt(start) * 7 + src.charCodeAt(start + (len >> 1)) * 13 + src.charCodeAt(end - 1)) & (KEY_SLOTS - 1);
  const hit = keyCache[slot];
  if (hit !== undefined && hit.length === len && src.startsWith(hit, start)) return hit; // resolved to itself before
  const value = plainValue(src.slice(start, end));
  if (typeof value !== 'string') return value;
  return (keyCache[slot] = shared(value));
}
