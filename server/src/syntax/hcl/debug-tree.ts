import type { Node, ParseResult } from './ast';
import type * as A from './ast';
import { childrenOf } from './walk';

/**
 * A stable text dump for snapshot tests: one node per line, indented by depth, with its kind, [start,end)
 * and key fields; then comments and diagnostics. Iterative, so deep trees are fine.
 */
export function debugTree(result: ParseResult): string {
  const lines: string[] = [];
  const stack: { node: Node; depth: number }[] = [{ node: result.file, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    lines.push(`${'  '.repeat(depth)}${node.kind} ${node.range.start}..${node.range.end}${fields(node)}`);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  for (const c of result.file.comments) lines.push(`comment ${c.style} ${c.range.start}..${c.range.end} ${JSON.stringify(c.text)}`);
  for (const d of result.diagnostics) {
    const related = (d.related ?? []).map((r) => ` (related ${r.range.start}..${r.range.end}: ${r.message})`).join('');
    lines.push(`${d.severity} ${d.range.start}..${d.range.end}: ${d.message}${related}`);
  }
  return lines.join('\n') + '\n';
}

function fields(node: Node): string {
  const n = node as A.Identifier | A.Label | A.NumberLit | A.BoolLit | A.TemplateLiteral | A.Variable | A.Binary | A.Unary | A.Template | A.Index | A.Splat | A.Call | A.For | A.TemplateInterp;
  switch (n.kind) {
    case 'Identifier':
    case 'Variable':
      return ` ${JSON.stringify(n.name)}`;
    case 'Label':
      return ` ${JSON.stringify(n.value)}${n.quoted ? ' quoted' : ''}`;
    case 'Number':
      return ` ${n.raw}`;
    case 'Bool':
      return ` ${n.value}`;
    case 'TemplateLiteral':
      return ` ${JSON.stringify(n.value)}`;
    case 'Binary':
    case 'Unary':
      return ` ${n.op}`;
    case 'Template':
      return n.heredoc ? ` heredoc ${n.heredoc.marker}${n.heredoc.indented ? ' indented' : ''}` : '';
    case 'Index':
      return n.legacy ? ' legacy' : '';
    case 'Splat':
      return n.full ? ' full' : ' attr';
    case 'Call':
      return n.expandFinal ? ' expand-final' : '';
    case 'For':
      return `${n.object ? ' object' : ' tuple'}${n.grouping ? ' grouping' : ''}`;
    case 'TemplateInterp':
      return n.strip.left || n.strip.right ? ` strip ${n.strip.left ? '~' : ''}/${n.strip.right ? '~' : ''}` : '';
  }
  return '';
}
