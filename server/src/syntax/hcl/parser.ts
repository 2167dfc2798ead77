import type { HclFile, Invalid, ParseResult } from './ast';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';
import type { TextRange } from '../../text/text-range';
import { scanHcl, type TokenStream } from './scanner';
import { Tok as TokKind, describeToken } from './token';
import { parseFileBody } from './parse-body';
import { EscapeFinder } from './escape-finder';
import { ItemReuse, type PreviousParse } from './item-reuse';
import { BodyNode, FileNode, InvalidNode } from './ast-nodes';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;

/** Deeper nesting than this is reported once and skipped, so no input can overflow the call stack. */
export const MAX_NESTING = 1000;

/**
 * Parses HCL native syntax. Never throws: problems become diagnostics and Missing/Invalid nodes.
 * When the first pass finds a construct left open at the end of the file, the file is parsed again with
 * indentation-aware recovery, so a block missing its `}` does not swallow the blocks after it.
 *
 * With `previous` (the clean parse of an earlier version of the same file), top-level items the edit did not touch
 * are taken over (item-reuse.ts); a result with any problem is thrown away for a fresh parse, so problems are always
 * reported as a fresh parse reports them.
 */
export function parseHcl(text: string, previous?: PreviousParse): ParseResult {
  try {
    const tokens = scanHcl(text);
    if (previous && previous.result.diagnostics.length === 0 && tokens.diagnostics.length === 0) {
      const parser = new Parser(text, false, tokens);
      parser.reuse = new ItemReuse(previous, text);
      const incremental = parser.parseFile();
      if (!incremental.unclosedAtEof && incremental.result.diagnostics.length === 0) return incremental.result;
    }
    const first = new Parser(text, false, tokens).parseFile();
    if (!first.unclosedAtEof) return first.result;
    // same tokens: the second pass differs only in how it recovers
    return new Parser(text, true, tokens).parseFile().result;
  } catch (err) {
    // a parser bug must not take the server down; report it as one diagnostic over the whole file
    const file: HclFile = new FileNode(0, text.length, new BodyNode(0, text.length, []), []);
    return { file, diagnostics: [{ message: `Internal parser error: ${String(err)}`, range: { start: 0, end: text.length }, severity: 'error' }] };
  }
}

/** Token cursor and shared state; the grammar lives in parse-body.ts, parse-expr.ts and parse-template.ts. */
export class Parser {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  pos = 0;
  /** are newlines tokens (bodies, object items) or whitespace (inside () [] and templates)? */
  newlines = true;
  private readonly nlStack: boolean[] = [];
  readonly diagnostics: SyntaxDiagnostic[];
  /** set after an error until the next body item starts, to suppress cascades */
  recovering = false;
  depth = 0;
  readonly maxNesting = MAX_NESTING;
  unclosedAtEof = false;
  private readonly commentsOut;
  /** where template literals' escapes are, for unescapeQuoted's fast path */
  readonly escapes: EscapeFinder;
  /** top-level items of a previous parse that may be taken over */
  reuse: ItemReuse | undefined;

  constructor(readonly text: string, readonly indentRecovery: boolean, ts: TokenStream = scanHcl(text)) {
    this.kinds = ts.kinds;
    this.starts = ts.starts;
    this.ends = ts.ends;
    this.diagnostics = [...ts.diagnostics];
    this.commentsOut = ts.comments;
    this.escapes = new EscapeFinder(text);
  }

  parseFile(): { result: ParseResult; unclosedAtEof: boolean } {
    const body = parseFileBody(this);
    const start = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const file: HclFile = new FileNode(start, this.text.length, body, fit(this.commentsOut));
    if (this.nlStack.length !== 0) this.diagnostics.push({ message: 'Internal parser error: unbalanced newline mode', range: { start: 0, end: 0 }, severity: 'error' });
    this.diagnostics.sort((a, b) => a.range.start - b.range.start);
    return { result: { file, diagnostics: this.diagnostics }, unclosedAtEof: this.unclosedAtEof };
  }

  /**
   * Moves past a taken-over item that ends at `end`, which must be a token end followed by a line break or the end
   * of the file, as after an item parsed here; false (and no move) otherwise.
   */
  skipItem(end: number): boolean {
    let i = this.pos;
    while (this.starts[i] < end && this.kinds[i] !== Tok.EOF) i++;
    if (this.kinds[i] !== Tok.Newline && this.kinds[i] !== Tok.EOF) return false;
    if (i === 0 || this.ends[i - 1] !== end) return false;
    this.pos = i;
    return true;
  }

  /** Current token kind; skips line breaks where they are insignificant. */
  peek(): Tok {
    let i = this.pos;
    if (!this.newlines) while (this.kinds[i] === Tok.Newline) i++;
    this.pos = i;
    return this.kinds[i];
  }

  /** Kind of the token after the current one (line breaks skipped where insignificant). */
  peekSecond(): Tok {
    this.peek();
    let i = this.pos + 1;
    if (!this.newlines) while (this.kinds[i] === Tok.Newline) i++;
    return this.kinds[i] ?? Tok.EOF;
  }

  /** Index of the token after the current one, line breaks skipped (for keyword look-ahead after `[` or `{`). */
  peekSecondSkippingNewlines(): number {
    this.peek();
    let i = this.pos + 1;
    while (this.kinds[i] === Tok.Newline) i++;
    return i;
  }

  get start(): number {
    return this.starts[this.pos];
  }

  get end(): number {
    return this.ends[this.pos];
  }

  /** End of the last consumed token. */
  get prevEnd(): number {
    let i = this.pos - 1;
    while (i > 0 && this.kinds[i] === Tok.Newline) i--;
    return i >= 0 ? this.ends[i] : 0;
  }

  /** Consumes the current token (never the EOF) and returns its range. */
  next(): TextRange {
    this.peek();
    const r = { start: this.starts[this.pos], end: this.ends[this.pos] };
    if (this.kinds[this.pos] !== Tok.EOF) this.pos++;
    return r;
  }

  /** Consumes the current token (never the EOF) and returns its index: next() without the range object. */
  take(): number {
    this.peek();
    const i = this.pos;
    if (this.kinds[i] !== Tok.EOF) this.pos++;
    return i;
  }

  tokenText(i = this.pos): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  pushNewlines(significant: boolean): void {
    this.nlStack.push(this.newlines);
    this.newlines = significant;
  }

  popNewlines(): void {
    this.newlines = this.nlStack.pop() ?? true;
  }

  error(message: string, start: number, end: number, related?: SyntaxDiagnostic['related']): void {
    if (this.recovering) return;
    this.recovering = true;
    this.diagnostics.push(related ? { message, range: { start, end }, severity: 'error', related } : { message, range: { start, end }, severity: 'error' });
  }

  /** Reports the current token as unexpected, with what was wanted. */
  errorHere(expected: string): void {
    const k = this.peek();
    const what = k === Tok.Invalid ? `invalid character ${showChar(this.tokenText())}` : describeToken(k);
    this.error(`${expected}, found ${what}`, this.start, k === Tok.EOF || k === Tok.Newline ? this.start : this.end);
  }

  /** 1-based line of an offset, for messages; counted on demand (a line table would cost more than the few errors). */
  lineOf(offset: number): number {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }

  /** Consumes `closer` or reports it missing with related info at the opener. */
  expectCloser(closer: Tok, opener: TextRange, what: string): TextRange | undefined {
    if (this.peek() === closer) return this.next();
    if (this.kinds[this.pos] === Tok.EOF) this.unclosedAtEof = true;
    // give back line breaks skipped inside the construct, so the enclosing body still sees the line end
    while (this.pos > 0 && this.kinds[this.pos - 1] === Tok.Newline) this.pos--;
    const sym = describeToken(closer);
    const line = this.lineOf(opener.start);
    const at = this.kinds[this.pos] === Tok.EOF ? this.start : this.prevEnd;
    this.error(`Expected ${sym} to close the ${what} opened at line ${line}`, at, at, [{ message: `the ${what} opened here`, range: opener }]);
    return undefined;
  }

  /**
   * With indentation-aware recovery on, an identifier at column 0 inside a nested construct means the construct's
   * closer is missing (formatted HCL never puts nested content at column 0).
   */
  atColumnZeroIdent(i = this.pos): boolean {
    if (!this.indentRecovery || this.kinds[i] !== Tok.Ident) return false;
    const s = this.starts[i];
    return s === 0 || this.text.charCodeAt(s - 1) === 10;
  }

  invalid(start: number, end: number): Invalid {
    return new InvalidNode(start, end);
  }

  /** Reports excessive nesting once and skips the rest of the current expression. */
  tooDeep(): Invalid {
    const start = this.start;
    this.error(`Nesting too deep (more than ${MAX_NESTING} levels); the rest of this expression is skipped`, start, this.end);
    this.skipExpressionRest();
    return this.invalid(start, Math.max(start, this.prevEnd));
  }

  /** Skips balanced tokens up to a closer, comma or significant line break of the enclosing level. */
  skipExpressionRest(): void {
    let depth = 0;
    for (;;) {
      const k = this.kinds[this.pos];
      if (k === Tok.EOF || this.atColumnZeroIdent()) return;
      if (depth === 0) {
        if (k === Tok.Comma || (k === Tok.Newline && this.newlines) || isCloser(k)) return;
      }
      if (isOpener(k)) depth++;
      else if (isCloser(k)) depth--;
      this.pos++;
    }
  }

  /** Skips balanced tokens, line breaks included, up to the closer of the current level (not consumed). */
  skipToCloser(): void {
    let depth = 0;
    for (;;) {
      const k = this.kinds[this.pos];
      if (k === Tok.EOF || (depth === 0 && isCloser(k)) || this.atColumnZeroIdent()) return;
      if (isOpener(k)) depth++;
      else if (isCloser(k)) depth--;
      this.pos++;
    }
  }

  /** Recovery after a broken body item: skip to the end of the line (at bracket depth 0) or to a `}` closing the body. */
  skipToLineEnd(nested: boolean): void {
    let depth = 0;
    for (;;) {
      const k = this.kinds[this.pos];
      if (k === Tok.EOF || (depth > 0 && this.atColumnZeroIdent())) return;
      if (depth === 0 && k === Tok.Newline) return;
      if (depth === 0 && nested && k === Tok.RBrace) return;
      if (isOpener(k)) depth++;
      else if (isCloser(k) && depth > 0) depth--;
      this.pos++;
    }
  }
}

/** An exact-size copy for the tree: an array grown by push keeps spare slots (17 for one item), and parses are kept. */
export function fit<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice();
}

export function isOpener(k: Tok): boolean {
  return k === Tok.LBrace || k === Tok.LBrack || k === Tok.LParen || k === Tok.TemplateInterp || k === Tok.TemplateControl || k === Tok.OQuote || k === Tok.OHeredoc;
}

export function isCloser(k: Tok): boolean {
  return k === Tok.RBrace || k === Tok.RBrack || k === Tok.RParen || k === Tok.TemplateSeqEnd || k === Tok.CQuote || k === Tok.CHeredoc;
}

/** A character for a message: quoted when visible, as U+XXXX when it is a space or control character. */
export function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp > 32 && cp !== 0x7f && !/^[\s\p{Cc}\p{Cf}\p{Z}]$/u.test(ch)) return `'${ch}'`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
