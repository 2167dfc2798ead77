import type { Expr, Identifier, Index, SplatItem } from './ast';
import type { Parser } from './parser';
import * as Nodes from './ast-nodes';
import { Tok as TokKind } from './token';
import { parseExpr } from './parse-expr';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;
// and so are the node classes (one read per node built)
const { GetAttrNode, IdentifierNode, IndexNode, NumberNode, SplatItemNode, SplatNode } = Nodes;

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
    const t = p.take();
    const name: Identifier = new IdentifierNode(p.starts[t], p.ends[t], nameText);
    return new GetAttrNode(object.start, name.end, object, name);
  }
  if (k === Tok.Number) {
    const raw = p.tokenText();
    const range = p.next();
    if (raw.includes('.') || raw.includes('e') || raw.includes('E')) {
      p.error('Invalid legacy index syntax: chaining indexes like .0.1 is not allowed; use [0][1]', range.start, range.end);
    }
    const key: Expr = new NumberNode(range.start, range.end, Number(raw), raw);
    return new IndexNode(object.start, range.end, object, key, true);
  }
  p.error("Expected an attribute name after '.'", dot.start, dot.end);
  const name: Identifier = new IdentifierNode(dot.end, dot.end, '');
  return new GetAttrNode(object.start, dot.end, object, name);
}

function parseIndex(p: Parser, object: Expr): Index {
  const open = p.next();
  p.pushNewlines(false);
  const key = p.peek() === Tok.RBrack ? (p.errorHere('Expected an index expression'), p.invalid(open.end, open.end)) : parseExpr(p);
  const close = p.expectCloser(Tok.RBrack, open, 'index');
  p.popNewlines();
  return new IndexNode(object.start, close ? close.end : key.end, object, key, false);
}

/**
 * `.*` takes following `.name` steps; `[*]` also takes `[i]` steps. They apply to each element, so they are built
 * on a SplatItem. Another splat marker ends this splat (the loop in parsePostfix nests it).
 */
function parseSplat(p: Parser, source: Expr, full: boolean): Expr {
  const start = p.start;
  p.pos += full ? 3 : 2;
  const item: SplatItem = new SplatItemNode(start, p.prevEnd);
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
  return new SplatNode(source.start, each.end, source, each, full);
}
