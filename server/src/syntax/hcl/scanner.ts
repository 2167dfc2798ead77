import type { Comment } from './ast';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';
import { Tok as TokKind } from './token';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;

/**
 * The token stream of one file as parallel arrays (kind, start, end): no object per token. The arrays are shared
 * scratch space, valid until the next scanHcl call (parsing is synchronous and never re-enters the scanner).
 */
export interface TokenStream {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** number of tokens; the arrays are longer, and at least PAD entries after the EOF token hold 0 (EOF) */
  readonly count: number;
  readonly comments: Comment[];
  readonly diagnostics: SyntaxDiagnostic[];
}

// What an entry on the mode stack means. `{` and `${`/`%{` scan normal tokens; quotes and heredocs scan template text.
const M_BRACE = 0;
const M_INTERP = 1;
const M_QUOTE = 2;
const M_HEREDOC = 3;

const C_LF = 10;
const C_CR = 13;

/** zeroed slots kept after the EOF token, so look-ahead past the end reads EOF as with fresh arrays */
const PAD = 4;

// Reused across files: a fresh typed array per file means an off-heap allocation and GC bookkeeping per file,
// which cost more than scanning a small file. Grown for a bigger file, but only kept up to MAX_SHARED tokens.
const MAX_SHARED = 1 << 18;
let sharedKinds: Uint8Array = new Uint8Array(1024);
let sharedStarts: Int32Array = new Int32Array(1024);
let sharedEnds: Int32Array = new Int32Array(1024);

/** Splits HCL native syntax into tokens. Never throws; unknown characters become Invalid tokens. */
export function scanHcl(text: string): TokenStream {
  return new Scanner(text).run();
}

class Scanner {
  private pos = 0;
  // typed arrays live outside the JS heap, so growing token lists are not copied by every young-generation GC
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  private readonly comments: Comment[] = [];
  private readonly diagnostics: SyntaxDiagnostic[] = [];
  private readonly modes: number[] = [];
  /** heredoc markers, parallel to M_HEREDOC entries of `modes` */
  private readonly markers: string[] = [];

  constructor(private readonly text: string) {
    this.kinds = sharedKinds;
    this.starts = sharedStarts;
    this.ends = sharedEnds;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): TokenStream {
    const len = this.text.length;
    while (this.pos < len) {
      const mode = this.modes.length === 0 ? M_BRACE : this.modes[this.modes.length - 1];
      if (mode === M_QUOTE) this.scanQuoted();
      else if (mode === M_HEREDOC) this.scanHeredoc();
      else this.scanNormal();
    }
    // templates still open at the end get zero-width closers, so every opener in the stream has its closer
    for (let m = this.modes.length - 1; m >= 0; m--) {
      if (this.modes[m] === M_QUOTE) this.push(Tok.CQuote, len, len);
      else if (this.modes[m] === M_HEREDOC) this.push(Tok.CHeredoc, len, len);
    }
    this.push(Tok.EOF, len, len);
    if (this.count + PAD > this.kinds.length) this.grow();
    // clear what an earlier, longer file left behind, up to the padding the parser may peek into
    this.kinds.fill(0, this.count, this.count + PAD);
    this.starts.fill(0, this.count, this.count + PAD);
    this.ends.fill(0, this.count, this.count + PAD);
    if (this.kinds.length <= MAX_SHARED) {
      sharedKinds = this.kinds;
      sharedStarts = this.starts;
      sharedEnds = this.ends;
    }
    return { kinds: this.kinds, starts: this.starts, ends: this.ends, count: this.count, comments: this.comments, diagnostics: this.diagnostics };
  }

  private push(kind: Tok, start: number, end: number): void {
    const n = this.count;
    if (n === this.kinds.length) this.grow();
    this.kinds[n] = kind;
    this.starts[n] = start;
    this.ends[n] = end;
    this.count = n + 1;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
  }

  private scanNormal(): void {
    const text = this.text;
    let start = this.pos;
    let c = text.charCodeAt(start);
    // a whole run of blanks in this call: indentation and alignment are most of the characters in formatted HCL
    while (c === 32 || c === 9 || c === C_CR) c = text.charCodeAt(++start);
    this.pos = start;
    if (start >= text.length) return;
    if (c === C_LF) return this.emit(Tok.Newline, 1);
    if (isIdentStartAscii(c)) return this.scanIdent(start + 1);
    if (c >= 48 && c <= 57) return this.scanNumber();
    const c1 = text.charCodeAt(start + 1);
    switch (c) {
      case 34: // "
        this.modes.push(M_QUOTE);
        return this.emit(Tok.OQuote, 1);
      case 123: // {
        this.modes.push(M_BRACE);
        return this.emit(Tok.LBrace, 1);
      case 125: { // }
        const top = this.modes.length > 0 ? this.modes.pop() : M_BRACE;
        return this.emit(top === M_INTERP ? Tok.TemplateSeqEnd : Tok.RBrace, 1);
      }
      case 35: // #
        return this.lineComment('#', 1);
      case 47: // /
        if (c1 === 47) return this.lineComment('//', 2);
        if (c1 === 42) return this.blockComment();
        return this.emit(Tok.Slash, 1);
      case 91: return this.emit(Tok.LBrack, 1);
      case 93: return this.emit(Tok.RBrack, 1);
      case 40: return this.emit(Tok.LParen, 1);
      case 41: return this.emit(Tok.RParen, 1);
      case 44: return this.emit(Tok.Comma, 1);
      case 46: // .
        return c1 === 46 && text.charCodeAt(start + 2) === 46 ? this.emit(Tok.Ellipsis, 3) : this.emit(Tok.Dot, 1);
      case 58: return this.emit(Tok.Colon, 1);
      case 63: return this.emit(Tok.Question, 1);
      case 126: return this.emit(Tok.Tilde, 1);
      case 43: return this.emit(Tok.Plus, 1);
      case 45: return this.emit(Tok.Minus, 1);
      case 42: return this.emit(Tok.Star, 1);
      case 37: return this.emit(Tok.Percent, 1);
      case 61: // =
        if (c1 === 61) return this.emit(Tok.EqualOp, 2);
        if (c1 === 62) return this.emit(Tok.FatArrow, 2);
        return this.emit(Tok.Equal, 1);
      case 33: return c1 === 61 ? this.emit(Tok.NotEqual, 2) : this.emit(Tok.Bang, 1);
      case 62: return c1 === 61 ? this.emit(Tok.Ge, 2) : this.emit(Tok.Gt, 1);
      case 60: // <
        if (c1 === 60 && this.tryHeredoc()) return;
        return c1 === 61 ? this.emit(Tok.Le, 2) : this.emit(Tok.Lt, 1);
      case 38: return c1 === 38 ? this.emit(Tok.And, 2) : this.emit(Tok.Invalid, 1);
      case 124: return c1 === 124 ? this.emit(Tok.Or, 2) : this.emit(Tok.Invalid, 1);
    }
    if (c >= 0x80) {
      const cp = text.codePointAt(start)!;
      const w = cp > 0xffff ? 2 : 1;
      if (ID_START.test(String.fromCodePoint(cp))) return this.scanIdent(start + w);
      // HCL has no other whitespace than space, tab and line breaks: a non-breaking space is an error, as in terraform
      return this.emit(Tok.Invalid, w);
    }
    this.emit(Tok.Invalid, 1);
  }

  private emit(kind: Tok, width: number): void {
    this.push(kind, this.pos, this.pos + width);
    this.pos += width;
  }

  private scanIdent(from: number): void {
    const text = this.text;
    let i = from;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c < 128 && IDENT_PART[c] === 1) i++;
      else if (c >= 0x80 && i < text.length) {
        const cp = text.codePointAt(i)!;
        if (!ID_CONTINUE.test(String.fromCodePoint(cp))) break;
        i += cp > 0xffff ? 2 : 1;
      } else break;
    }
    this.push(Tok.Ident, this.pos, i);
    this.pos = i;
  }

  private scanNumber(): void {
    const text = this.text;
    let i = this.pos + 1;
    while (isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      const s = text.charCodeAt(i + 1);
      const d = s === 43 || s === 45 ? i + 2 : i + 1;
      if (isDigit(text.charCodeAt(d))) {
        i = d + 1;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
    this.push(Tok.Number, this.pos, i);
    this.pos = i;
  }

  private lineComment(style: '#' | '//', width: number): void {
    const start = this.pos;
    let end = this.text.indexOf('\n', start + width);
    if (end < 0) end = this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === C_CR) end--;
    this.comments.push({ style, range: { start, end }, text: this.text.slice(start, end) });
    this.pos = end;
  }

  private blockComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', start + 2);
    const end = close < 0 ? this.text.length : close + 2;
    if (close < 0) this.diagnostics.push({ message: "Unterminated comment: '/*' has no matching '*/'", range: { start, end: start + 2 }, severity: 'error' });
    this.comments.push({ style: '/*', range: { start, end }, text: this.text.slice(start, end) });
    this.pos = end;
  }

  /** `<<EOF` or `<<-EOF` followed by a line break opens a heredoc; anything else is not one. */
  private tryHeredoc(): boolean {
    const text = this.text;
    let i = this.pos + 2;
    if (text.charCodeAt(i) === 45) i++;
    const nameStart = i;
    if (!isIdentStartAscii(text.charCodeAt(i))) return false;
    i++;
    while (isIdentPartAscii(text.charCodeAt(i))) i++;
    const nameEnd = i;
    if (text.charCodeAt(i) === C_CR) i++;
    if (text.charCodeAt(i) !== C_LF) return false;
    this.push(Tok.OHeredoc, this.pos, i + 1);
    this.modes.push(M_HEREDOC);
    this.markers.push(text.slice(nameStart, nameEnd));
    this.pos = i + 1;
    return true;
  }

  /** Literal text of a quoted template up to `"`, `${`, `%{`, a line break or the end. */
  private scanQuoted(): void {
    const text = this.text;
    const start = this.pos;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34 || c === C_LF || i >= text.length) break;
      if (c === C_CR && text.charCodeAt(i + 1) === C_LF) break;
      if (c === 92) i += 2; // backslash escape; validated by the parser
      else if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) break;
      else if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) i += 3;
      else i++;
    }
    if (i > text.length) i = text.length;
    if (i > start) this.push(Tok.StringLit, start, i);
    this.pos = i;
    const c = text.charCodeAt(i);
    if (c === 34) {
      this.modes.pop();
      this.emit(Tok.CQuote, 1);
    } else if (c === 36 || c === 37) {
      this.modes.push(M_INTERP);
      this.emit(c === 36 ? Tok.TemplateInterp : Tok.TemplateControl, 2);
    } else {
      // unterminated: a zero-width closer keeps the stream balanced; the parser reports it
      this.modes.pop();
      this.push(Tok.CQuote, i, i);
    }
  }

  /** Heredoc text: one literal token per line (or up to `${`/`%{`), and the closing marker. */
  private scanHeredoc(): void {
    const text = this.text;
    const start = this.pos;
    if (start === 0 || text.charCodeAt(start - 1) === C_LF) {
      let j = start;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      const marker = this.markers[this.markers.length - 1];
      if (text.startsWith(marker, j)) {
        const k = j + marker.length;
        const after = text.charCodeAt(k);
        if (k >= text.length || after === C_LF || (after === C_CR && text.charCodeAt(k + 1) === C_LF)) {
          this.push(Tok.CHeredoc, j, k);
          this.modes.pop();
          this.markers.pop();
          this.pos = k;
          return;
        }
      }
    }
    let i = start;
    let interp = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === C_LF) {
        i++;
        break;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        interp = true;
        break;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) i += 3;
      else i++;
    }
    if (i > start) this.push(Tok.StringLit, start, i);
    this.pos = i;
    if (interp) {
      this.modes.push(M_INTERP);
      this.emit(text.charCodeAt(i) === 36 ? Tok.TemplateInterp : Tok.TemplateControl, 2);
    } else if (i >= text.length) {
      // unterminated heredoc: a zero-width marker keeps the stream balanced; the parser reports it
      this.modes.pop();
      this.markers.pop();
      this.push(Tok.CHeredoc, i, i);
    }
  }
}

const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStartAscii(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPartAscii(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 45 || (c >= 48 && c <= 57);
}

/** isIdentPartAscii as a table, for the per-character loop of scanIdent */
const IDENT_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT_PART[c] = isIdentPartAscii(c) ? 1 : 0;
