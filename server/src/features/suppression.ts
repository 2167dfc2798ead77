import type { LineIndex } from '../text/line-index';
import type { TextRange } from '../text/text-range';

/** The comment the engine reads to silence one code on the next line. */
export const IGNORE_COMMENT_PREFIX = '# aks-lint-ignore';

/**
 * The edit that silences `code` on `line`: a comment line inserted before it with the same indentation,
 * so the result stays `terraform fmt`-clean and YAML keeps its structure. Works for HCL and YAML alike.
 */
export function ignoreCommentEdit(text: string, lines: LineIndex, line: number, code: string): { range: TextRange; newText: string } {
  const start = lines.lineStart(line);
  const lineText = lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start, end: start }, newText: `${indent}${IGNORE_COMMENT_PREFIX} ${code}${eol}` };
}
