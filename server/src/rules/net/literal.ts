import type { Expr } from '../../syntax/hcl/ast';

/** True for a quoted string written in place without interpolation: a fix may replace it without losing intent. */
export function isLiteralString(expr: Expr): boolean {
  return expr.kind === 'Template' && !expr.heredoc && expr.parts.every((p) => p.kind === 'TemplateLiteral');
}
