/**
 * Where the next escape of a template literal starts: `\` (quoted strings only), `$$` or `%%`. Literals are
 * asked for in increasing offsets, so each indexOf result answers every query up to it and a file is searched
 * about once, instead of every literal being scanned character by character for escapes it rarely has.
 */
export class EscapeFinder {
  private readonly backslash: NextOccurrence;
  private readonly dollars: NextOccurrence;
  private readonly percents: NextOccurrence;

  constructor(text: string) {
    this.backslash = new NextOccurrence(text, '\\');
    this.dollars = new NextOccurrence(text, '$$');
    this.percents = new NextOccurrence(text, '%%');
  }

  /** The first offset >= start where an escape starts (the text's length when none does). */
  next(start: number, heredoc: boolean): number {
    const pair = Math.min(this.dollars.after(start), this.percents.after(start));
    return heredoc ? pair : Math.min(pair, this.backslash.after(start));
  }
}

class NextOccurrence {
  /** offset the cached search started at; no occurrence lies in [from, at) */
  private from = Infinity;
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  after(start: number): number {
    if (start < this.from || this.at < start) {
      const i = this.text.indexOf(this.needle, start);
      this.from = start;
      this.at = i < 0 ? this.text.length : i;
    }
    return this.at;
  }
}
