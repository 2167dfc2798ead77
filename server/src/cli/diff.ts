// A unified diff (3 lines of context) between two versions of a file, for --fix-dry-run. Line-based LCS; fixes
// change few lines, so the quadratic table only ever spans the changed middle after trimming common ends.

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops = middleOps(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf));
  const all: Op[] = [
    ...a.slice(0, pre).map((l): Op => [' ', l]),
    ...ops,
    ...a.slice(a.length - suf).map((l): Op => [' ', l]),
  ];
  return `--- a/${path}\n+++ b/${path}\n${hunks(all).join('')}`;
}

type Op = [' ' | '-' | '+', string];

function middleOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push([' ', a[i++]]), j++;
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(['-', a[i++]]);
    else ops.push(['+', b[j++]]);
  }
  return ops;
}

function hunks(ops: Op[], context = 3): string[] {
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k][0] === ' ') k++;
    if (k >= ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    // extend while the next change is within 2*context unchanged lines
    for (let gap = 0; end < ops.length; end++) {
      gap = ops[end][0] === ' ' ? gap + 1 : 0;
      if (gap > 2 * context) break;
    }
    end = Math.min(ops.length, trimTrailingContext(ops, end, context));
    const slice = ops.slice(start, end);
    const oldStart = ops.slice(0, start).filter((o) => o[0] !== '+').length + 1;
    const newStart = ops.slice(0, start).filter((o) => o[0] !== '-').length + 1;
    const oldLen = slice.filter((o) => o[0] !== '+').length;
    const newLen = slice.filter((o) => o[0] !== '-').length;
    out.push(`@@ -${oldLen ? oldStart : oldStart - 1},${oldLen} +${newLen ? newStart : newStart - 1},${newLen} @@\n`);
    for (const [op, line] of slice) out.push(line.endsWith('\n') ? `${op}${line}` : `${op}${line}\n\\ No newline at end of file\n`);
    k = end;
  }
  return out;
}

function trimTrailingContext(ops: Op[], end: number, context: number): number {
  let last = end - 1;
  while (last >= 0 && ops[last][0] === ' ') last--;
  return Math.min(end, last + 1 + context);
}

/** Lines with their terminators, so a missing final newline is a difference too. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
