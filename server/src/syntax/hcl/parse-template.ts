import type { Expr, Identifier, Strip, Template, TemplateFor, TemplateIf, TemplateLiteral, TemplatePart } from './ast';
import { fit, type Parser } from './parser';
import * as Nodes from './ast-nodes';
import { Tok as TokKind } from './token';
import { parseExpr } from './parse-expr';
import { forVariable, isKeyword } from './parse-for';
import { stripHeredocIndent } from './heredoc-indent';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;
// and so are the node classes (one read per node built)
const { HeredocNode, TemplateForNode, TemplateIfNode, TemplateInterpNode, TemplateLiteralNode, TemplateNode } = Nodes;

// Which `%{ … }` keywords end the part list being parsed.
const END_NONE = 0;
const END_IF = 1; // else, endif
const END_FOR = 2; // endfor

export function parseQuotedTemplate(p: Parser): Template {
  const open = p.next();
  const parts = parseParts(p, true, END_NONE);
  const close = closeTemplate(p, Tok.CQuote);
  if (close.start === close.end) p.error('Unterminated string: add the closing \'"\' on the same line', open.start, Math.max(open.end, close.end));
  return new TemplateNode(open.start, close.end, parts);
}

export function parseHeredoc(p: Parser): Template {
  const open = p.next();
  const text = p.text;
  const indented = text.charCodeAt(open.start + 2) === 45;
  let markerEnd = open.end - 1;
  if (text.charCodeAt(markerEnd - 1) === 13) markerEnd--;
  const marker = text.slice(open.start + (indented ? 3 : 2), markerEnd);
  const firstToken = p.pos;
  const parts = parseParts(p, false, END_NONE);
  const close = closeTemplate(p, Tok.CHeredoc);
  if (close.start === close.end) p.error(`Unterminated heredoc: no line with the closing marker '${marker}'`, open.start, open.end);
  if (indented) stripHeredocIndent(p, firstToken, p.pos - 1, parts);
  return new HeredocNode(open.start, close.end, parts, { marker, indented });
}

/** Consumes the template's closer; unexpected tokens before it (after an error) are skipped. */
function closeTemplate(p: Parser, closer: Tok): { start: number; end: number } {
  while (p.peek() !== closer && p.kinds[p.pos] !== Tok.EOF) {
    p.errorHere('Unexpected token in template');
    p.pos++;
  }
  return p.next();
}

function parseParts(p: Parser, quoted: boolean, ends: number): TemplatePart[] {
  return fit(collectParts(p, quoted, ends));
}

function collectParts(p: Parser, quoted: boolean, ends: number): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (;;) {
    const k = p.peek();
    if (k === Tok.StringLit) {
      const t = p.take();
      const lit: TemplateLiteral = new TemplateLiteralNode(p.starts[t], p.ends[t], unescapeQuoted(p, p.starts[t], p.ends[t], !quoted));
      parts.push(lit);
    } else if (k === Tok.TemplateInterp) {
      parts.push(parseInterp(p));
    } else if (k === Tok.TemplateControl) {
      const word = directiveWord(p);
      if (word === 'if' || word === 'for') {
        if (p.depth >= p.maxNesting) {
          p.tooDeep();
          return parts;
        }
        p.depth++;
        parts.push(word === 'if' ? parseIf(p, quoted) : parseFor(p, quoted));
        p.depth--;
      } else if (((word === 'else' || word === 'endif') && ends === END_IF) || (word === 'endfor' && ends === END_FOR)) {
        return parts;
      } else {
        const start = p.start;
        skipDirective(p);
        p.error(word ? `Unexpected '%{ ${word} }' with no matching opening directive` : "Expected 'if', 'for', 'else', 'endif' or 'endfor' after '%{'", start, p.prevEnd);
      }
    } else return parts;
  }
}

function parseInterp(p: Parser): TemplatePart {
  const open = p.next();
  p.pushNewlines(false);
  const left = stripMarker(p);
  const expr: Expr = p.peek() === Tok.TemplateSeqEnd ? (p.errorHere("Expected an expression after '${'"), p.invalid(open.end, open.end)) : parseExpr(p);
  const right = stripMarker(p);
  const close = closeSequence(p, open, 'interpolation');
  p.popNewlines();
  const strip = STRIPS[(left ? 2 : 0) + (right ? 1 : 0)];
  return new TemplateInterpNode(open.start, close, expr, strip);
}

/** The four possible strip markers, shared by every interpolation (trees are kept; these are immutable). */
const STRIPS: readonly Strip[] = [false, true].flatMap((left) => [false, true].map((right) => Object.freeze({ left, right })));

function stripMarker(p: Parser): boolean {
  if (p.peek() !== Tok.Tilde) return false;
  p.pos++;
  return true;
}

/** Expects the `}` of `${ … }` / `%{ … }`, skipping junk before it; returns the end offset. */
function closeSequence(p: Parser, open: { start: number; end: number }, what: string): number {
  if (p.peek() !== Tok.TemplateSeqEnd) {
    p.errorHere(`Expected '}' to close the ${what}`);
    p.skipToCloser();
  }
  const close = p.expectCloser(Tok.TemplateSeqEnd, open, what);
  return close ? close.end : Math.max(open.end, p.prevEnd);
}

/** The keyword after `%{` (and an optional `~`), without consuming anything. */
function directiveWord(p: Parser): string {
  let i = p.pos + 1;
  while (p.kinds[i] === Tok.Newline) i++;
  if (p.kinds[i] === Tok.Tilde) i++;
  while (p.kinds[i] === Tok.Newline) i++;
  return p.kinds[i] === Tok.Ident ? p.tokenText(i) : '';
}

/** `%{ word … }` where nothing after the word matters (else, endif, endfor, or a broken directive). */
function skipDirective(p: Parser): void {
  const open = p.next();
  p.pushNewlines(false);
  stripMarker(p);
  if (p.peek() === Tok.Ident) p.pos++;
  stripMarker(p);
  closeSequence(p, open, 'template directive');
  p.popNewlines();
}

/** Opens `%{ if cond }` / `%{ for … }`: consumes `%{`, `~` and the keyword. */
function openDirective(p: Parser): { start: number; end: number } {
  const open = p.next();
  p.pushNewlines(false);
  stripMarker(p);
  p.pos++;
  return open;
}

function parseIf(p: Parser, quoted: boolean): TemplateIf {
  const open = openDirective(p);
  const condition = parseExpr(p);
  stripMarker(p);
  closeSequence(p, open, 'template directive');
  p.popNewlines();
  const then = parseParts(p, quoted, END_IF);
  let elseParts: TemplatePart[] | undefined;
  if (directiveWord(p) === 'else' && p.kinds[p.pos] === Tok.TemplateControl) {
    skipDirective(p);
    elseParts = parseParts(p, quoted, END_IF);
    if (directiveWord(p) === 'else' && p.kinds[p.pos] === Tok.TemplateControl) p.errorHere("Only one '%{ else }' is allowed in an '%{ if }'");
  }
  const end = closeBlockDirective(p, 'endif', open, 'if');
  return new TemplateIfNode(open.start, end, condition, then, elseParts);
}

function parseFor(p: Parser, quoted: boolean): TemplateFor {
  const open = openDirective(p);
  let keyVar: Identifier | undefined;
  let valueVar = forVariable(p);
  if (p.peek() === Tok.Comma) {
    p.pos++;
    keyVar = valueVar;
    valueVar = forVariable(p);
  }
  let collection: Expr;
  if (isKeyword(p, 'in')) {
    p.pos++;
    collection = parseExpr(p);
  } else {
    p.errorHere("Expected 'in' after the for variables");
    collection = p.invalid(p.prevEnd, p.prevEnd);
  }
  stripMarker(p);
  closeSequence(p, open, 'template directive');
  p.popNewlines();
  const body = parseParts(p, quoted, END_FOR);
  const end = closeBlockDirective(p, 'endfor', open, 'for');
  return new TemplateForNode(open.start, end, keyVar, valueVar, collection, body);
}

function closeBlockDirective(p: Parser, word: string, open: { start: number; end: number }, opener: string): number {
  if (p.peek() === Tok.TemplateControl && directiveWord(p) === word) {
    skipDirective(p);
    return p.prevEnd;
  }
  const at = p.start;
  p.error(`Expected '%{ ${word} }' to close the '%{ ${opener} }' opened at line ${p.lineOf(open.start)}`, at, at, [{ message: `the '%{ ${opener} }' opened here`, range: open }]);
  return Math.max(open.end, p.prevEnd);
}

/**
 * Resolves escapes of a quoted string (`\n \r \t \" \\ \uNNNN \UNNNNNNNN`) and the `$${` / `%%{` escapes.
 * Heredocs (heredoc = true) have no backslash escapes. Fast path: text without escapes is one slice.
 */
export function unescapeQuoted(p: Parser, start: number, end: number, heredoc: boolean): string {
  const text = p.text;
  let i = p.escapes.next(start, heredoc);
  if (i >= end) return text.slice(start, end);
  let out = text.slice(start, i);
  let from = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
      out += text.slice(from, i + 1);
      i += 2;
      from = i;
      continue;
    }
    if (c !== 92 || heredoc) {
      i++;
      continue;
    }
    out += text.slice(from, i);
    const e = text.charCodeAt(i + 1);
    let width = 2;
    if (e === 110) out += '\n';
    else if (e === 114) out += '\r';
    else if (e === 116) out += '\t';
    else if (e === 34) out += '"';
    else if (e === 92) out += '\\';
    else if (e === 117 || e === 85) {
      const n = e === 117 ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + n);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? parseInt(hex, 16) : -1;
      if (cp < 0 || cp > 0x10ffff) p.error(`Invalid escape sequence: '\\${String.fromCharCode(e)}' needs ${n} hexadecimal digits`, i, Math.min(end, i + 2 + n));
      else out += String.fromCodePoint(cp);
      width = cp < 0 ? 2 : 2 + n;
    } else {
      p.error(`Invalid escape sequence '\\${text.charAt(i + 1)}'`, i, Math.min(end, i + 2));
    }
    i += width;
    from = i;
  }
  return out + text.slice(from, end);
}
