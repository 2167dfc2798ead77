import type { Expr, Identifier, Index, SplatItem } from './ast';
import type { Parser } from './parser';
import { Tok as TokKind } from './token';
import { parseExpr } from './parse-expr';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;

/** Attribute access, index, legacy index and splats after a term, as a loop (long chains use no stack). */
export function parsePostfix(p: Parser, expr: Expr): Expr {
  for (;;) {
    const k = p.peek();
    if (k === Tok.Dot) {
      const second = p.kinds[p.pos + 1];
      if (second === Tok.Star) {
        expr = parseSplat(p, expr, false);
        continue;
      }
      const step = parseDotStep(p, expr);
      if (!step) return expr;
      expr = step;
      continue;
    }
    if (k === Tok.LBrack) {
      if (p.kinds[p.pos + 1] === Tok.Star && p.kinds[p.pos + 2] === Tok.RBrack) {
        expr = parseSplat(p, expr, true);
        continue;
      }
      expr = parseIndex(p, expr);
      continue;
    }
    return expr;
  }
}

/** `.name` or legacy `.0`; reports a dot followed by anything else. */
function parseDotStep(p: Parser, object: Expr): Expr | undefined {
  const dot = p.next();
  const k = p.kinds[p.pos];
  if (k === Tok.Ident) {
    const nameText = p.tokenText();
    const name: Identifier = { kind: 'Identifier', range: p.next(), name: nameText };
    return { kind: 'GetAttr', range: { start: object.range.start, end: name.range.end }, object, name };
  }
  if (k === Tok.Number) {
    const raw = p.tokenText();
    const range = p.next();
    if (raw.includes('.') || raw.includes('e') || raw.includes('E')) {
      p.error('Invalid legacy index syntax: chaining indexes like .0.1 is not allowed; use [0][1]', range.start, range.end);
    }
    const key: Expr = { kind: 'Number', range, value: Number(raw), raw };
    return { kind: 'Index', range: { start: object.range.start, end: range.end }, object, key, legacy: true };
  }
  p.error("Expected an attribute name after '.'", dot.start, dot.end);
  const name: Identifier = { kind: 'Identifier', range: { start: dot.end, end: dot.end }, name: '' };
  return { kind: 'GetAttr', range: { start: object.range.start, end: dot.end }, object, name };
}

function parseIndex(p: Parser, object: Expr): Index {
  const open = p.next();
  p.pushNewlines(false);
  const key = p.peek() === Tok.RBrack ? (p.errorHere('Expected an index expression'), p.invalid(open.end, open.end)) : parseExpr(p);
  const close = p.expectCloser(Tok.RBrack, open, 'index');
  p.popNewlines();
  return { kind: 'Index', range: { start: object.range.start, end: close ? close.end : key.range.end }, object, key, legacy: false };
}

/**
 * `.*` takes following `.name` steps; `[*]` also takes `[i]` steps. They apply to each element, so they are built
 * on a SplatItem. Another splat marker ends this splat (the loop in parsePostfix nests it).
 */
function parseSplat(p: Parser, source: Expr, full: boolean): Expr {
  const start = p.start;
  p.pos += full ? 3 : 2;
  const item: SplatItem = { kind: 'SplatItem', range: { start, end: p.prevEnd } };
  let each: Expr = item;
  for (;;) {
    const k = p.peek();
    const second = p.kinds[p.pos + 1];
    if (k === Tok.Dot && (second === Tok.Ident || second === Tok.Number)) {
      each = parseDotStep(p, each)!;
      continue;
    }
    if (full && k === Tok.LBrack && second !== Tok.Star) {
      each = parseIndex(p, each);
      continue;
    }
    break;
  }
  return { kind: 'Splat', range: { start: source.range.start, end: each.range.end }, source, each, full };
}
