import type { BodyItem, ParseResult } from './ast';

// Top-level items of the previous parse of a file that the next parse may take over as they are. An edit changes one
// region of the text: items wholly before it keep their offsets, and so do items after it when the edit kept the
// length (typing over a value). Such an item, met by the parser at the same offset at the top level, parses to
// the same node: the text from there on is the same, and a clean parse (which parser.ts insists on) leaves the
// scanner and parser in the same state at every top-level item. Items after a length-changing edit are parsed
// again: their ranges moved.

/** A parse and the text it was made from. */
export interface PreviousParse {
  readonly text: string;
  readonly result: ParseResult;
}

const STRIDE = 1024;

export class ItemReuse {
  private readonly oldText: string;
  private readonly items: readonly BodyItem[];
  /** old items ending (with the rest of their line) before this offset are unchanged */
  private readonly prefix: number;
  /** old items starting after this offset are unchanged and in place; Infinity when the edit changed the length */
  private readonly suffix: number;

  constructor(previous: PreviousParse, text: string) {
    const old = previous.text;
    this.items = previous.result.file.body.items;
    const max = Math.min(old.length, text.length);
    // whole strides first (compared natively), then characters
    let p = 0;
    while (p + STRIDE <= max && old.slice(p, p + STRIDE) === text.slice(p, p + STRIDE)) p += STRIDE;
    while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    while (s + STRIDE <= max - p && old.slice(old.length - s - STRIDE, old.length - s) === text.slice(text.length - s - STRIDE, text.length - s)) s += STRIDE;
    while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    this.prefix = p;
    this.suffix = old.length === text.length ? old.length - s : Infinity;
    this.oldText = old;
  }

  /** The old item starting at `offset` when it can stand for the parse of the new text there. */
  itemAt(offset: number): BodyItem | undefined {
    if (offset >= this.prefix && offset <= this.suffix) return undefined;
    const item = this.find(offset);
    if (!item) return undefined;
    if (offset > this.suffix) return item;
    // before the edit: the line break after the item must be unchanged too (what follows on its line is read)
    const lineEnd = this.oldText.indexOf('\n', item.end);
    return lineEnd >= 0 && lineEnd < this.prefix ? item : undefined;
  }

  private find(offset: number): BodyItem | undefined {
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.items[mid].start;
      if (start === offset) return this.items[mid];
      if (start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
