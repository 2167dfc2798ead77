import { yScalar, type YNode } from './yaml-tree';

// CRLF manifests (common on Windows) are read by the block reader from a copy with every CRLF made LF; the tree's
// offsets then move back into the original text. Only consistent CRLF qualifies: a lone CR or LF means the chunk is
// left to the yaml package.

/** Maps offsets in the LF copy to the CRLF original: each line break before an offset adds its CR. */
export class CrlfOffsets {
  private constructor(
    /** the text with every CRLF as LF */
    readonly lf: string,
    /** offsets of the line breaks in `lf` */
    private readonly breaks: readonly number[],
  ) {}

  /** The LF copy of `src` and its offset map; undefined unless every line break is CRLF and no other CR appears. */
  static of(src: string): CrlfOffsets | undefined {
    const lf = src.replace(/\r\n/g, '\n');
    if (lf.includes('\r')) return undefined; // a CR that starts no line break
    const breaks: number[] = [];
    for (let i = lf.indexOf('\n'); i >= 0; i = lf.indexOf('\n', i + 1)) breaks.push(i);
    // each CRLF became one character shorter: fewer removed characters than breaks means some LF had no CR
    return src.length - lf.length === breaks.length ? new CrlfOffsets(lf, breaks) : undefined;
  }

  /** Offset in the original for offset `at` of the LF copy. */
  original(at: number): number {
    // the number of line breaks strictly before `at`
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return at + lo;
  }

  /** The same tree with every offset in the original (new nodes: trees are immutable once read). */
  node(n: YNode | null): YNode | null {
    if (n === null) return null;
    const start = this.original(n.start);
    const end = this.original(n.end);
    switch (n.kind) {
      case 'scalar':
        return yScalar(n.value, n.style, start, end);
      case 'map':
        return { kind: 'map', start, end, entries: n.entries.map((e) => this.node(e)) };
      case 'seq':
        return { kind: 'seq', start, end, items: n.items.map((e) => this.node(e)) };
      case 'alias':
        // the block reader never builds aliases
        return { kind: 'alias', start, end, target: n.target };
    }
  }
}
