import { canStartPlain, GIVE_UP, scanQuoted, skipSpaces } from './block-scalars';

// Line navigation for the block reader: the current line (start, end, indentation), skipping blank and comment
// lines, what the line starts (a sequence item, a key), and where the yaml package ends a node among the comment
// lines that follow it.

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

export class LineCursor {
  /** start offset of the current line */
  protected pos = 0;
  protected lineEnd = 0;
  protected indent = 0;
  /** keyColon's last question and answer */
  private colonFrom = -1;
  private colonAt = -1;

  constructor(protected readonly src: string) {}

  protected setLine(at: number): void {
    this.pos = at;
    const nl = this.src.indexOf('\n', at);
    this.lineEnd = nl < 0 ? this.src.length : nl;
    let i = at;
    while (i < this.lineEnd && this.src.charCodeAt(i) === SPACE) i++;
    this.indent = i - at;
  }

  protected nextLine(): void {
    this.setLine(this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length);
  }

  protected get atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  protected isTrivia(): boolean {
    const first = this.pos + this.indent;
    return first >= this.lineEnd || this.src.charCodeAt(first) === HASH;
  }

  /** Moves to the next line with content; false at the end of the chunk or at a line starting with `...`. */
  protected skipTrivia(): boolean {
    while (!this.atEnd && this.isTrivia()) this.nextLine();
    return !this.atEnd && !this.atDocumentEnd();
  }

  /** Does the current line start with `...` (a document end marker, or text the reader leaves to the yaml package)? */
  protected atDocumentEnd(): boolean {
    return this.indent === 0 && this.src.startsWith('...', this.pos);
  }

  /** `---` then a space, line break or the end, in the first column */
  protected isDocumentStart(): boolean {
    if (this.indent !== 0 || !this.src.startsWith('---', this.pos)) return false;
    const next = this.src.charCodeAt(this.pos + 3);
    return Number.isNaN(next) || next === SPACE || next === 10;
  }

  /** Is there a comment line between `from` (a line start) and `to`? */
  protected commentBefore(to: number, from: number): boolean {
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

  protected skipSpaces(i: number): number {
    return skipSpaces(this.src, i, this.lineEnd);
  }

  /** After the current line (with content ending at `lineEnd`): the line break, then blank lines and comments more indented than `parentIndent`. */
  protected trailingEnd(parentIndent: number): number {
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

  /**
   * End of a collection: the comment lines after its last value all belong to it when one of them is indented at
   * least as much as the collection; otherwise (or for a collection in the first column) they all go to its parent.
   */
  protected collectionEnd(valueEnd: number, indent: number): number {
    const mark = this.pos;
    let end = valueEnd;
    if (this.pos >= valueEnd) {
      this.setLine(valueEnd);
      let absorbed = false;
      for (; indent > 0 && !absorbed && !this.atEnd && this.isTrivia(); this.nextLine()) {
        absorbed = this.pos + this.indent < this.lineEnd && this.indent >= indent;
      }
      if (absorbed) {
        // the yaml package ends the collection at the next token: after the comments, blank lines and the next line's indentation
        while (!this.atEnd && this.isTrivia()) this.nextLine();
        end = this.atEnd ? this.lastCommentEnd(valueEnd) : this.pos + this.indent;
      }
    }
    this.setLine(mark);
    return end;
  }

  /** After the last comment line at or after `from` (the chunk ends in comments and blank lines). */
  protected lastCommentEnd(from: number): number {
    let end = from;
    for (this.setLine(from); !this.atEnd; this.nextLine()) {
      if (this.pos + this.indent < this.lineEnd) end = this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length;
    }
    if (end !== this.src.length) throw GIVE_UP; // blank lines after the last comment: not verified against the yaml package
    return end;
  }

  /** `-` then a space or the line end at `at` */
  protected isSeqItem(at: number): boolean {
    if (this.src.charCodeAt(at) !== DASH) return false;
    const next = at + 1;
    return next >= this.lineEnd || this.src.charCodeAt(next) === SPACE;
  }

  /** Offset of the `:` that ends a plain key starting at `start` on this line, or -1. */
  protected keyColon(start: number): number {
    // a line is asked twice: is it a key (a mapping starts here)? then where does the key end?
    if (start === this.colonFrom) return this.colonAt;
    const src = this.src;
    let at = -1;
    for (let i = start; i < this.lineEnd; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH && i > start && src.charCodeAt(i - 1) === SPACE) break;
      if (ch === COLON && (i + 1 >= this.lineEnd || src.charCodeAt(i + 1) === SPACE)) {
        at = i;
        break;
      }
    }
    this.colonFrom = start;
    return (this.colonAt = at);
  }

  /** Does the current line hold `key:` at `at` (a plain or one-line quoted key)? */
  protected isKeyLine(at: number): boolean {
    const src = this.src;
    const c = src.charCodeAt(at);
    if (c === 34 || c === 39) {
      const q = scanQuoted(src, at, -1);
      return q !== undefined && q.end <= this.lineEnd && src.charCodeAt(this.skipSpaces(q.end)) === COLON;
    }
    return canStartPlain(c, at + 1 < this.lineEnd ? src.charCodeAt(at + 1) : SPACE) && this.keyColon(at) >= 0;
  }

  /** whether a comment followed the text plainLine last read */
  protected lineComment = false;

  /** One line of a plain scalar from `at`: where its text ends (and, in `lineComment`, whether a comment follows). */
  protected plainLine(at: number): number {
    const src = this.src;
    let end = at;
    for (let i = at; i < this.lineEnd; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH && src.charCodeAt(i - 1) === SPACE) {
        this.lineComment = true;
        return end;
      }
      if (ch === COLON && (i + 1 >= this.lineEnd || src.charCodeAt(i + 1) === SPACE)) throw GIVE_UP; // `a: b: c`
      if (ch !== SPACE) end = i + 1;
    }
    this.lineComment = false;
    return end;
  }

  /** Only spaces and a comment may follow a finished value on its line. */
  protected expectLineRest(from: number): void {
    const i = this.skipSpaces(from);
    if (i < this.lineEnd && !(this.src.charCodeAt(i) === HASH && i > from)) throw GIVE_UP;
  }
}
