import type { Expr, For, Identifier } from './ast';
import type { Parser } from './parser';
import * as Nodes from './ast-nodes';
import { Tok as TokKind } from './token';
import { parseExpr } from './parse-expr';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;
// and so are the node classes (one read per node built)
const { ForNode, IdentifierNode } = Nodes;

/** `[for k, v in coll : v if cond]` or `{for k, v in coll : k => v... if cond}`; the current token is the bracket. */
export function parseForExpr(p: Parser, object: boolean): For {
  const open = p.next();
  p.pushNewlines(false);
  p.next(); // `for`
  let keyVar: Identifier | undefined;
  let valueVar = forVariable(p);
  if (p.peek() === Tok.Comma) {
    p.pos++;
    keyVar = valueVar;
    valueVar = forVariable(p);
  }
  let collection: Expr;
  let keyExpr: Expr | undefined;
  let valueExpr: Expr;
  let condition: Expr | undefined;
  let grouping = false;
  if (isKeyword(p, 'in')) {
    p.pos++;
    collection = parseExpr(p);
  } else {
    p.errorHere("Expected 'in' after the for-expression variables");
    collection = p.invalid(p.prevEnd, p.prevEnd);
  }
  if (p.peek() === Tok.Colon) p.pos++;
  else p.errorHere("Expected ':' after the for-expression collection");
  if (object) {
    keyExpr = parseExpr(p);
    if (p.peek() === Tok.FatArrow) {
      p.pos++;
      valueExpr = parseExpr(p);
    } else {
      p.errorHere("Expected '=>' between the key and value of the object for-expression");
      valueExpr = p.invalid(p.prevEnd, p.prevEnd);
    }
    if (p.peek() === Tok.Ellipsis) {
      p.pos++;
      grouping = true;
    }
  } else valueExpr = parseExpr(p);
  if (isKeyword(p, 'if')) {
    p.pos++;
    condition = parseExpr(p);
  }
  const closer = object ? Tok.RBrace : Tok.RBrack;
  if (p.peek() !== closer) {
    p.errorHere(`Expected ${object ? "'}'" : "']'"} to end the for-expression`);
    p.skipToCloser();
  }
  const close = p.expectCloser(closer, open, 'for-expression');
  p.popNewlines();
  const end = close ? close.end : Math.max(open.end, p.prevEnd);
  return new ForNode(open.start, end, object, keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping);
}

/** The variable after `for` (or after its comma); a Missing (empty, zero-width) identifier when absent. */
export function forVariable(p: Parser): Identifier {
  if (p.peek() === Tok.Ident) {
    const name = p.tokenText();
    const t = p.take();
    return new IdentifierNode(p.starts[t], p.ends[t], name);
  }
  p.errorHere("Expected a variable name after 'for'");
  return new IdentifierNode(p.prevEnd, p.prevEnd, '');
}

export function isKeyword(p: Parser, word: string): boolean {
  return p.peek() === Tok.Ident && p.ends[p.pos] - p.starts[p.pos] === word.length && p.text.startsWith(word, p.starts[p.pos]);
}
