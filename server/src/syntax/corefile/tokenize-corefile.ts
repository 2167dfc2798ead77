import type { SyntaxDiagnostic } from '../syntax-diagnostic';
import type { CorefileComment, CorefileToken } from './corefile-ast';

// Caddyfile lexing as CoreDNS does it: tokens split on whitespace; '#' outside quotes starts a comment even inside a
// word; "..." may span lines and only \" is an escape; a brace is a token only when it stands alone.

const ENV = /\{\$[^}\s]+\}|\{%[^}\s]+%\}/;

export interface CorefileTokens {
  readonly tokens: CorefileToken[];
  readonly comments: CorefileComment[];
  readonly diagnostics: SyntaxDiagnostic[];
}

export function tokenizeCorefile(text: string): CorefileTokens {
  const tokens: CorefileToken[] = [];
  const comments: CorefileComment[] = [];
  const diagnostics: SyntaxDiagnostic[] = [];
  let line = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) { line++; i++; continue; }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xfeff) { i++; continue; }
    if (c === 35) { i = comment(text, i, comments); continue; }
    const start = i;
    const startLine = line;
    if (c === 34) {
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 && text.charCodeAt(i + 1) === 34) { value += '"'; i += 2; continue; }
        if (d === 34) { closed = true; i++; break; }
        if (d === 10) line++;
        value += text[i++];
      }
      if (!closed) diagnostics.push({ message: 'Unterminated quoted string', range: { start, end: i }, severity: 'error' });
      tokens.push(token('string', text.slice(start, i), value, start, i, startLine));
      continue;
    }
    while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 35) i++;
    const raw = text.slice(start, i);
    const kind = raw === '{' ? 'open' : raw === '}' ? 'close' : 'word';
    tokens.push(token(kind, raw, raw, start, i, startLine));
  }
  return { tokens, comments, diagnostics };
}

function comment(text: string, at: number, out: CorefileComment[]): number {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const contentEnd = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  out.push({ range: { start: at, end: contentEnd }, text: text.slice(at + 1, contentEnd) });
  return end;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function token(kind: CorefileToken['kind'], raw: string, value: string, start: number, end: number, line: number): CorefileToken {
  return { kind, raw, value, range: { start, end }, line, hasEnv: ENV.test(raw) };
}
