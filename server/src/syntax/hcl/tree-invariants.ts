import type { Node, ParseResult } from './ast';
import { childrenOf } from './walk';

/**
 * Structural checks every parse must pass, for tests: ranges inside the text, children inside parents,
 * siblings in order and not overlapping. Returns the problems found (empty when fine). Iterative.
 */
export function treeProblems(text: string, result: ParseResult, limit = 5): string[] {
  const problems: string[] = [];
  const stack: Node[] = [result.file];
  while (stack.length > 0 && problems.length < limit) {
    const node = stack.pop()!;
    const r = node.range;
    if (!(r.start >= 0 && r.start <= r.end && r.end <= text.length)) problems.push(`${node.kind} ${r.start}..${r.end} outside the text`);
    let prevEnd = r.start;
    for (const child of childrenOf(node)) {
      const c = child.range;
      if (c.start < r.start || c.end > r.end) problems.push(`${child.kind} ${c.start}..${c.end} outside its parent ${node.kind} ${r.start}..${r.end}`);
      if (c.start < prevEnd) problems.push(`${child.kind} ${c.start}..${c.end} starts before its previous sibling ends (${prevEnd})`);
      prevEnd = Math.max(prevEnd, c.end);
      stack.push(child);
    }
  }
  for (const d of result.diagnostics) {
    if (d.range.start < 0 || d.range.end > text.length || d.range.start > d.range.end) problems.push(`diagnostic ${d.range.start}..${d.range.end} outside the text: ${d.message}`);
  }
  return problems;
}
