import type { TemplateLiteral, TemplatePart } from './ast';
import type { Parser } from './parser';
import { Tok as TokKind } from './token';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;

/**
 * `<<-` heredocs: the smallest indentation of any non-blank line is removed from every line, as HCL does.
 * A line that starts with `${` or `%{` has indentation 0. Tokens [first, last) are the heredoc's content.
 */
export function stripHeredocIndent(p: Parser, first: number, last: number, parts: readonly TemplatePart[]): void {
  const text = p.text;
  let min = Infinity;
  for (let i = first; i < last && min > 0; i++) {
    const k = p.kinds[i];
    const s = p.starts[i];
    if (text.charCodeAt(s - 1) !== 10) continue;
    if (k === Tok.TemplateInterp || k === Tok.TemplateControl) min = 0;
    else if (k === Tok.StringLit) {
      const n = leadingSpace(text, s, p.ends[i]);
      const c = text.charCodeAt(s + n);
      if (s + n < p.ends[i] && (c === 10 || c === 13)) continue; // blank line
      if (n < min) min = n;
    }
  }
  if (min === 0 || min === Infinity) return;
  for (const lit of literals(parts)) {
    if (text.charCodeAt(lit.range.start - 1) !== 10) continue;
    const n = Math.min(min, leadingSpace(lit.value, 0, lit.value.length));
    (lit as { value: string }).value = lit.value.slice(n);
  }
}

function leadingSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i - from;
}

/** Every literal in the parts, nested directives included, without recursion. */
function literals(parts: readonly TemplatePart[]): TemplateLiteral[] {
  const out: TemplateLiteral[] = [];
  const stack: (readonly TemplatePart[])[] = [parts];
  while (stack.length > 0) {
    for (const part of stack.pop()!) {
      if (part.kind === 'TemplateLiteral') out.push(part);
      else if (part.kind === 'TemplateIf') {
        stack.push(part.then);
        if (part.else) stack.push(part.else);
      } else if (part.kind === 'TemplateFor') stack.push(part.body);
    }
  }
  return out;
}
