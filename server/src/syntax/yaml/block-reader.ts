import { YAMLParseError } from 'yaml';
import { exactCopy, shared, yScalar, type YNode } from './yaml-tree';
import { canStartPlain, GIVE_UP, scanBlockScalar, scanQuoted } from './block-scalars';
import { duplicateKey, hasKey, keysOf, plainKey, plainValue, SCANNED_KEYS } from './block-keys';
import { scanFlowCollection } from './flow-collections';
import { LineCursor } from './block-lines';
import { CrlfOffsets } from './crlf-offsets';

// A fast reader for the plain block-style YAML that makes up most manifests: block mappings and sequences, plain and
// quoted scalars (multi-line ones folded), literal and folded block scalars, flow sequences and mappings of scalars,
// empty documents, a `...` end. It builds the same nodes, values and ranges the yaml package composes, and gives up
// (undefined) on everything else: anchors, aliases, tags, nested flow collections, explicit keys, tabs, a CR outside
// CRLF, more than one document, any error but a duplicate key (which it reports as the yaml package does). The caller
// then parses the chunk with the yaml package, which stays the reference (a corpus test compares the two node by node).

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
  // an error one character long stays so, also on a line break (its CR)
  const errors = doc.errors.map((e) => {
    const start = at.original(e.pos[0]);
    return new YAMLParseError([start, start + e.pos[1] - e.pos[0]], e.code, e.message);
  });
  return { contents: at.node(doc.contents)!, range: [at.original(first), at.original(contentsEnd), at.original(end)], errors };
}

const SPACE = 32;
const HASH = 35;
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
      if (!this.skipTrivia()) {
        if (!this.atEnd) throw GIVE_UP; // `...`
        return emptyDocument(src, docStart, rest);
      }
    }
    if (docStart < 0) docStart = this.pos; // the line start: its indentation is the first token
    if (this.isDocumentStart()) throw GIVE_UP;
    const root = this.node(0, -1);
    if (!root) throw GIVE_UP;
    if (this.skipTrivia()) throw GIVE_UP; // content left over at a lower indentation
    // an empty value at the very end ends the document before its line break: not modelled, left to the yaml package
    if (root.end2 < src.length && src.charCodeAt(root.end2 - 1) !== 10) throw GIVE_UP;
    const end = this.atEnd ? src.length : this.documentEnd();
    return { contents: root.node, range: [docStart, root.end2, end], errors: this.errors.length ? this.errors : NO_ERRORS };
  }

  /**
   * At a `...` line: the document ends after it (and a comment on it). Only blank lines and comments may follow, which
   * the yaml package leaves out of the document; anything else (another document) is left to it.
   */
  private documentEnd(): number {
    const after = this.pos + 3;
    const rest = this.skipSpaces(after);
    if (after < this.lineEnd && (rest === after || (rest < this.lineEnd && this.src.charCodeAt(rest) !== HASH))) throw GIVE_UP;
    const end = this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length;
    for (this.nextLine(); !this.atEnd; this.nextLine()) if (!this.isTrivia()) throw GIVE_UP;
    return end;
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  /** The block node starting on the current content line, whose indentation must exceed `parentIndent`. */
  private node(minIndent: number, parentIndent: number): { node: YNode; end2: number } | undefined {
    if (this.indent < minIndent || this.indent <= parentIndent) return undefined;
    const at = this.pos + this.indent;
    if (this.isSeqItem(at)) return this.sequence(this.indent, at);
    return this.mapping(this.indent, at);
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
    let emptyEnd = -1; // where the previous value is missing (no comment after it), else -1
    for (;;) {
      const keyStart = this.pos + indent;
      const { key, afterColon } = this.key(keyStart);
      const k = (key as { value: unknown }).value;
      // A duplicate key is the yaml package's DUPLICATE_KEY error on the key's first character (on the line break
      // before it, right after a missing value); the entry stays, as in its map. Keys equal as values (===) are
      // duplicates: NaN never is, although a Set would say so.
      if (k === k && (seen ? seen.has(k) : hasKey(entries, k))) this.errors.push(duplicateKey(emptyEnd + 1 === this.pos ? emptyEnd : keyStart));
      if (seen) seen.add(k);
      else if (entries.length >= 2 * SCANNED_KEYS) seen = keysOf(entries, k);
      const value = this.inlineValue(this.skipSpaces(afterColon), indent, afterColon, true);
      entries.push(key, value.node);
      end2 = value.end2;
      emptyEnd = value.node.start === end2 ? end2 : -1;
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
        const nested = this.nested(indent) ?? (isMapValue && this.indent === indent && this.isSeqItem(this.pos + indent) ? this.sequence(indent, this.pos + indent) : undefined);
        if (nested) return nested;
      }
      // nothing below: a null scalar where the value would be (comment lines after an empty value: left to the yaml package)
      if (!hasComment && this.commentBefore(this.pos, lineEnd + 1)) throw GIVE_UP;
      const pos = hasComment ? at : Math.min(at, lineEnd);
      return { node: yScalar(null, 'PLAIN', pos, pos), end2: hasComment ? commentEnd : pos };
    }
    return this.value(at, indent, !isMapValue);
  }

  /**
   * The value below its `key:` or `-` (the current line), indented more than the collection at `indent`: a block
   * collection, or a scalar or flow collection starting the line.
   */
  private nested(indent: number): { node: YNode; end2: number } | undefined {
    if (this.indent <= indent) return undefined;
    const at = this.pos + this.indent;
    if (this.isSeqItem(at)) return this.sequence(this.indent, at);
    if (this.isKeyLine(at)) return this.mapping(this.indent, at);
    const c = this.src.charCodeAt(at);
    if (c === 124 || c === 62) throw GIVE_UP; // a block scalar header alone on its line: not modelled
    return this.value(at, indent, false);
  }

  /**
   * A value starting at `at` (not a comment, not the line end); `indent` is the collection's indentation. With
   * `mayBeMap` (a sequence item, `- key: value`) it may start a mapping.
   */
  private value(at: number, indent: number, mayBeMap: boolean): { node: YNode; end2: number } {
    const src = this.src;
    if (mayBeMap && this.isKeyLine(at)) return this.mapping(at - this.pos, at);
    const c = src.charCodeAt(at);
    if (c === 124 || c === 62) return this.blockScalar(at, indent, c === 62); // | or >
    if (c === 34 || c === 39) return this.quoted(at, indent);
    if (c === 91 || c === 123) return this.flow(at, indent); // [ {
    if (!canStartPlain(c, at + 1 < this.lineEnd ? src.charCodeAt(at + 1) : SPACE)) throw GIVE_UP;
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

  private quoted(at: number, indent: number): { node: YNode; end2: number } {
    const q = scanQuoted(this.src, at, indent);
    if (!q) throw GIVE_UP;
    if (q.end > this.lineEnd) this.setLine(this.src.lastIndexOf('\n', q.end - 1) + 1); // continue on the closing line
    this.expectLineRest(q.end);
    const end2 = this.trailingEnd(indent);
    return { node: yScalar(q.value, this.src.charCodeAt(at) === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', at, q.end), end2 };
  }

  /** `|` or `>` (then `-` or `+`) with content lines more indented than the collection. */
  private blockScalar(at: number, indent: number, folded: boolean): { node: YNode; end2: number } {
    const block = scanBlockScalar(this.src, at, this.lineEnd, indent, folded);
    if (!block) throw GIVE_UP;
    this.setLine(block.end);
    return { node: yScalar(block.value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', at, block.end), end2: block.end };
  }

  /** A flow sequence or mapping of scalars, which may continue on lines indented more than the collection. */
  private flow(at: number, indent: number): { node: YNode; end2: number } {
    const flow = scanFlowCollection(this.src, at, this.lineEnd, indent);
    if (!flow) throw GIVE_UP;
    if (flow.end > this.lineEnd) this.setLine(this.src.lastIndexOf('\n', flow.end - 1) + 1); // continue on the closing line
    this.expectLineRest(flow.end);
    return { node: flow.node, end2: this.trailingEnd(indent) };
  }
}

const NO_ERRORS: readonly YAMLParseError[] = Object.freeze([]);

/**
 * `---` then only blank lines and comments: a null scalar after the marker's spaces, where the document also ends
 * unless comments follow (then it ends with the chunk), as the yaml package composes it.
 */
function emptyDocument(src: string, docStart: number, at: number): BlockDocument {
  const end = src.indexOf('#', at) >= 0 ? src.length : at;
  return { contents: yScalar(null, 'PLAIN', at, at), range: [docStart, end, end], errors: NO_ERRORS };
}
