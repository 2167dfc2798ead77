import { YAMLParseError } from 'yaml';
import { shared, yScalar, type YNode } from './yaml-tree';
import { canStartPlain, GIVE_UP, quotedStyle, scanBlockScalar, scanQuoted } from './block-scalars';
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

// Node readers return the node and leave in `end2` where the node ends with what follows it on its lines (trailing
// comments), and in `afterColon` where a key's `:` ends: no result object per node. Collections gather their entries
// on one shared stack and copy out their own segment, instead of growing an array each.
class Reader extends LineCursor {
  private readonly errors: YAMLParseError[] = [];
  private end2 = 0;
  private afterColon = 0;
  private readonly stack: YNode[] = [];

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
    const rootEnd = this.end2;
    if (this.skipTrivia()) throw GIVE_UP; // content left over at a lower indentation
    // an empty value at the very end ends the document before its line break: not modelled, left to the yaml package
    if (rootEnd < src.length && src.charCodeAt(rootEnd - 1) !== 10) throw GIVE_UP;
    const end = this.atEnd ? src.length : this.documentEnd();
    return { contents: root, range: [docStart, rootEnd, end], errors: this.errors.length ? this.errors : NO_ERRORS };
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
  private node(minIndent: number, parentIndent: number): YNode | undefined {
    if (this.indent < minIndent || this.indent <= parentIndent) return undefined;
    const at = this.pos + this.indent;
    if (this.isSeqItem(at)) return this.sequence(this.indent, at);
    return this.mapping(this.indent, at);
  }

  private sequence(indent: number, first: number): YNode {
    const stack = this.stack;
    const base = stack.length;
    let end2 = first;
    for (;;) {
      const dash = this.pos + indent;
      stack.push(this.inlineValue(this.skipSpaces(dash + 1), indent, dash + 1));
      end2 = this.end2;
      if (!this.skipTrivia() || this.indent !== indent || !this.isSeqItem(this.pos + indent)) break;
    }
    if (!this.atEnd && this.indent > indent) throw GIVE_UP;
    const items = stack.slice(base);
    stack.length = base;
    this.end2 = this.collectionEnd(end2, indent);
    return { kind: 'seq', start: first, end: end2, items };
  }

  private mapping(indent: number, first: number): YNode {
    const stack = this.stack;
    const base = stack.length;
    let seen: Set<unknown> | undefined; // keys of a large map (small ones are scanned)
    let end2 = first;
    let emptyEnd = -1; // where the previous value is missing (no comment after it), else -1
    for (;;) {
      const keyStart = this.pos + indent;
      const key = this.key(keyStart);
      const afterColon = this.afterColon;
      const k = (key as { value: unknown }).value;
      // A duplicate key is the yaml package's DUPLICATE_KEY error on the key's first character (on the line break
      // before it, right after a missing value); the entry stays, as in its map. Keys equal as values (===) are
      // duplicates: NaN never is, although a Set would say so.
      if (k === k && (seen ? seen.has(k) : hasKey(stack, k, base))) this.errors.push(duplicateKey(emptyEnd + 1 === this.pos ? emptyEnd : keyStart));
      if (seen) seen.add(k);
      else if (stack.length - base >= 2 * SCANNED_KEYS) seen = keysOf(stack, k, base);
      const value = this.inlineValue(this.skipSpaces(afterColon), indent, afterColon, true);
      stack.push(key, value);
      end2 = this.end2;
      emptyEnd = value.start === end2 ? end2 : -1;
      if (!this.skipTrivia() || this.indent !== indent) break;
      if (this.isSeqItem(this.pos + indent)) throw GIVE_UP;
    }
    if (!this.atEnd && this.indent > indent) throw GIVE_UP;
    const entries = stack.slice(base);
    stack.length = base;
    this.end2 = this.collectionEnd(end2, indent);
    return { kind: 'map', start: first, end: end2, entries };
  }

  /** A plain or one-line quoted key, and the offset after its `:` (followed by a space or the line end). */
  /** A plain or one-line quoted key; `afterColon` is set to the offset after its `:`. */
  private key(start: number): YNode {
    const src = this.src;
    const c = src.charCodeAt(start);
    if (c === 34 || c === 39) {
      const q = scanQuoted(src, start, -1);
      if (!q || q.end > this.lineEnd) throw GIVE_UP;
      const colon = this.skipSpaces(q.end);
      const after = colon + 1;
      if (src.charCodeAt(colon) !== COLON || (after < this.lineEnd && src.charCodeAt(after) !== SPACE)) throw GIVE_UP;
      this.afterColon = after;
      return yScalar(shared(q.value), quotedStyle(c), start, q.end);
    }
    if (!canStartPlain(c, start + 1 < this.lineEnd ? src.charCodeAt(start + 1) : SPACE)) throw GIVE_UP;
    const colon = this.keyColon(start);
    if (colon < 0) throw GIVE_UP; // a scalar line without `key:` (a multi-line scalar, or an error)
    let end = colon;
    while (end > start && src.charCodeAt(end - 1) === SPACE) end--;
    this.afterColon = colon + 1;
    return yScalar(plainKey(src, start, end), 'PLAIN', start, end);
  }

  /**
   * The value after `key:` or `- ` starting at `at` on the current line, or on the lines below. `indent` is the
   * collection's indentation; `afterIndicator` where a missing value would sit.
   */
  private inlineValue(at: number, indent: number, afterIndicator: number, isMapValue = false): YNode {
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
      this.end2 = hasComment ? commentEnd : pos;
      return yScalar(null, 'PLAIN', pos, pos);
    }
    return this.value(at, indent, !isMapValue);
  }

  /**
   * The value below its `key:` or `-` (the current line), indented more than the collection at `indent`: a block
   * collection, or a scalar or flow collection starting the line.
   */
  private nested(indent: number): YNode | undefined {
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
  private value(at: number, indent: number, mayBeMap: boolean): YNode {
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
  private plain(at: number, indent: number): YNode {
    let end = this.plainLine(at);
    let value = this.src.slice(at, end);
    let lastLine = this.pos;
    if (!this.lineComment) {
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
        const lineEnd = this.plainLine(start);
        if (this.lineComment) throw GIVE_UP;
        value += (empty > 0 ? '\n'.repeat(empty) : ' ') + this.src.slice(start, lineEnd);
        end = lineEnd;
        lastLine = this.pos;
        empty = 0;
        this.nextLine();
      }
      this.setLine(lastLine);
    }
    const end2 = this.trailingEnd(indent);
    // a more indented line after a comment would continue the scalar: an error for the yaml package to report
    if (this.skipTrivia() && this.indent > indent) throw GIVE_UP;
    this.end2 = end2;
    return yScalar(plainValue(value), 'PLAIN', at, end);
  }

  private quoted(at: number, indent: number): YNode {
    const q = scanQuoted(this.src, at, indent);
    if (!q) throw GIVE_UP;
    if (q.end > this.lineEnd) this.setLine(this.src.lastIndexOf('\n', q.end - 1) + 1); // continue on the closing line
    this.expectLineRest(q.end);
    this.end2 = this.trailingEnd(indent);
    return yScalar(q.value, quotedStyle(this.src.charCodeAt(at)), at, q.end);
  }

  /** `|` or `>` (then `-` or `+`) with content lines more indented than the collection. */
  private blockScalar(at: number, indent: number, folded: boolean): YNode {
    const block = scanBlockScalar(this.src, at, this.lineEnd, indent, folded);
    if (!block) throw GIVE_UP;
    this.setLine(block.end);
    this.end2 = block.end;
    return yScalar(block.value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', at, block.end);
  }

  /** A flow sequence or mapping of scalars, which may continue on lines indented more than the collection. */
  private flow(at: number, indent: number): YNode {
    const flow = scanFlowCollection(this.src, at, this.lineEnd, indent);
    if (!flow) throw GIVE_UP;
    if (flow.end > this.lineEnd) this.setLine(this.src.lastIndexOf('\n', flow.end - 1) + 1); // continue on the closing line
    this.expectLineRest(flow.end);
    this.end2 = this.trailingEnd(indent);
    return flow.node;
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
