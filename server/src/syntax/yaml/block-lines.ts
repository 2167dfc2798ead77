import { GIVE_UP } from './block-scalars';

// Line navigation for the block reader: the current line (start, end, indentation), skipping blank and comment
// lines, and where the yaml package ends a node among the comment lines that follow it.

const SPACE = 32;
const HASH = 35;

export class LineCursor {
  /** start offset of the current line */
  protected pos = 0;
  protected lineEnd = 0;
  protected indent = 0;

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

  /** Moves to the next line with content; false at the end of the chunk. */
  protected skipTrivia(): boolean {
    while (!this.atEnd && this.isTrivia()) this.nextLine();
    if (this.atEnd) return false;
    if (this.indent === 0 && this.src.startsWith('...', this.pos)) throw GIVE_UP;
    return true;
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
    while (i < this.lineEnd && this.src.charCodeAt(i) === SPACE) i++;
    return i;
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
   * End of a collection: comment lines after its last value belong to it when indented at least as much as the
   * collection (comments in the first column belong to the document).
   */
  protected collectionEnd(valueEnd: number, indent: number): number {
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
  protected lastCommentEnd(from: number): number {
    let end = from;
    for (this.setLine(from); !this.atEnd; this.nextLine()) {
      if (this.pos + this.indent < this.lineEnd) end = this.lineEnd < this.src.length ? this.lineEnd + 1 : this.src.length;
    }
    if (end !== this.src.length) throw GIVE_UP; // blank lines after the last comment: not verified against the yaml package
    return end;
  }

  /** Only spaces and a comment may follow a finished value on its line. */
  protected expectLineRest(from: number): void {
    const i = this.skipSpaces(from);
    if (i < this.lineEnd && !(this.src.charCodeAt(i) === HASH && i > from)) throw GIVE_UP;
  }
}
