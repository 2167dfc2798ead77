import type { BinaryOp, Call, Expr, Identifier, ObjectCons, ObjectItem, Tuple } from './ast';
import * as Nodes from './ast-nodes';
import { fit, showChar, type Parser } from './parser';
import { Tok as TokKind } from './token';
import { parseHeredoc, parseQuotedTemplate } from './parse-template';
import { parseForExpr } from './parse-for';
import { parsePostfix } from './parse-traversal';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;
// and so are the node classes (one read per node built)
const { BinaryNode, BoolNode, CallNode, ConditionalNode, IdentifierNode, NullNode, NumberNode, ObjectItemNode, ObjectNode, ParensNode, TupleNode, UnaryNode, VariableNode } = Nodes;

// Binding power of each binary operator token (HCL: || < && < == != < comparisons < + - < * / %); 0 = not binary.
const PREC: number[] = [];
PREC[Tok.Or] = 1;
PREC[Tok.And] = 2;
PREC[Tok.EqualOp] = PREC[Tok.NotEqual] = 3;
PREC[Tok.Lt] = PREC[Tok.Le] = PREC[Tok.Gt] = PREC[Tok.Ge] = 4;
PREC[Tok.Plus] = PREC[Tok.Minus] = 5;
PREC[Tok.Star] = PREC[Tok.Slash] = PREC[Tok.Percent] = 6;

const OPS: BinaryOp[] = [];
OPS[Tok.Or] = '||';
OPS[Tok.And] = '&&';
OPS[Tok.EqualOp] = '==';
OPS[Tok.NotEqual] = '!=';
OPS[Tok.Lt] = '<';
OPS[Tok.Le] = '<=';
OPS[Tok.Gt] = '>';
OPS[Tok.Ge] = '>=';
OPS[Tok.Plus] = '+';
OPS[Tok.Minus] = '-';
OPS[Tok.Star] = '*';
OPS[Tok.Slash] = '/';
OPS[Tok.Percent] = '%';

/** Expression = Conditional | Binary | Unary | term with traversals. Depth-limited: every level passes here. */
export function parseExpr(p: Parser): Expr {
  if (p.depth >= p.maxNesting) return p.tooDeep();
  p.depth++;
  let expr = parseBinary(p, 1);
  if (p.peek() === Tok.Question) {
    p.pos++;
    const trueExpr = parseExpr(p);
    let falseExpr: Expr;
    if (p.peek() === Tok.Colon) {
      p.pos++;
      falseExpr = parseExpr(p);
    } else {
      p.errorHere("Expected ':' in the conditional expression");
      falseExpr = p.invalid(p.prevEnd, p.prevEnd);
    }
    expr = new ConditionalNode(expr.start, falseExpr.end, expr, trueExpr, falseExpr);
  }
  p.depth--;
  return expr;
}

/** Precedence climbing: the recursion is bounded by the number of precedence levels, not by input length. */
function parseBinary(p: Parser, minPrec: number): Expr {
  let left = parseUnary(p);
  for (;;) {
    const k = p.peek();
    const prec = PREC[k];
    if (prec === undefined || prec < minPrec) return left;
    const op = p.take();
    const opEnd = p.ends[op];
    let right: Expr;
    const after = p.peek();
    if (after === Tok.Newline || after === Tok.EOF) {
      p.error(`Expected an expression after '${OPS[k]}'`, p.starts[op], opEnd);
      right = p.invalid(opEnd, opEnd);
    } else right = parseBinary(p, prec + 1);
    left = new BinaryNode(left.start, right.end, OPS[k], p.starts[op], left, right);
  }
}

/** Unary operators are collected in a loop, so `!!!!…` cannot overflow the stack. */
function parseUnary(p: Parser): Expr {
  const k = p.peek();
  if (k !== Tok.Bang && k !== Tok.Minus) return parsePostfix(p, parsePrimary(p));
  const ops: number[] = [];
  while (p.peek() === Tok.Bang || p.kinds[p.pos] === Tok.Minus) ops.push(p.pos++);
  let expr = parsePostfix(p, parsePrimary(p));
  for (let i = ops.length - 1; i >= 0; i--) {
    const t = ops[i];
    expr = new UnaryNode(p.starts[t], expr.end, p.kinds[t] === Tok.Bang ? '!' : '-', expr);
  }
  return expr;
}

function parsePrimary(p: Parser): Expr {
  const k = p.peek();
  const start = p.start;
  switch (k) {
    case Tok.Number: {
      const raw = p.tokenText();
      const t = p.take();
      return new NumberNode(p.starts[t], p.ends[t], Number(raw), raw);
    }
    case Tok.Ident:
      return parseIdentTerm(p);
    case Tok.OQuote:
      return parseQuotedTemplate(p);
    case Tok.OHeredoc:
      return parseHeredoc(p);
    case Tok.LBrack:
      return isForKeyword(p) ? parseForExpr(p, false) : parseTuple(p);
    case Tok.LBrace:
      return isForKeyword(p) ? parseForExpr(p, true) : parseObject(p);
    case Tok.LParen: {
      const open = p.next();
      p.pushNewlines(false);
      const expr = parseExpr(p);
      const close = p.expectCloser(Tok.RParen, open, 'parenthesis');
      p.popNewlines();
      return new ParensNode(start, close ? close.end : expr.end, expr);
    }
    case Tok.Invalid: {
      p.error(`Invalid character ${showChar(p.tokenText())}`, start, p.end);
      return p.invalid(start, p.next().end);
    }
  }
  p.errorHere('Expected an expression');
  // zero-width, right after the last real token, so it stays inside whatever contains it
  const at = Math.max(p.prevEnd, 0);
  return p.invalid(at, at);
}

function isForKeyword(p: Parser): boolean {
  const second = p.peekSecondSkippingNewlines();
  return p.kinds[second] === Tok.Ident && p.ends[second] - p.starts[second] === 3 && p.text.startsWith('for', p.starts[second]);
}

function parseIdentTerm(p: Parser): Expr {
  const start = p.start;
  const text = p.tokenText();
  let end = p.ends[p.take()];
  if (text === 'true' || text === 'false') return new BoolNode(start, end, text === 'true');
  if (text === 'null') return new NullNode(start, end);
  // provider::ns::fn — the scanner has no `::` token, so look for two adjacent colons
  while (p.kinds[p.pos] === Tok.Colon && p.kinds[p.pos + 1] === Tok.Colon && p.starts[p.pos] === end && p.kinds[p.pos + 2] === Tok.Ident) {
    p.pos += 3;
    end = p.prevEnd;
  }
  const name = end - start === text.length ? text : p.text.slice(start, end);
  if (p.kinds[p.pos] === Tok.LParen) return parseCall(p, new IdentifierNode(start, end, name));
  if (name !== text) p.errorHere(`Expected '(' to call the provider function '${name}'`);
  return new VariableNode(start, end, name);
}

function parseCall(p: Parser, name: Identifier): Call {
  const openParen = p.next();
  p.pushNewlines(false);
  const args: Expr[] = [];
  let expandFinal = false;
  while (p.peek() !== Tok.RParen && p.kinds[p.pos] !== Tok.EOF && !p.atColumnZeroIdent()) {
    if (expandFinal) {
      p.error("'...' may only follow the last argument", p.prevEnd - 3, p.prevEnd);
      expandFinal = false;
    }
    args.push(parseExpr(p));
    if (p.peek() === Tok.Ellipsis) {
      p.pos++;
      expandFinal = true;
    }
    if (p.peek() !== Tok.Comma) break;
    p.pos++;
  }
  const closeParen = p.expectCloser(Tok.RParen, openParen, 'function call');
  p.popNewlines();
  const end = closeParen ? closeParen.end : Math.max(openParen.end, p.prevEnd);
  return new CallNode(name.start, end, name, fit(args), expandFinal, openParen.start, closeParen ? closeParen.start : -1);
}

function parseTuple(p: Parser): Tuple {
  const open = p.next();
  p.pushNewlines(false);
  const items: Expr[] = [];
  while (p.peek() !== Tok.RBrack && p.kinds[p.pos] !== Tok.EOF && !p.atColumnZeroIdent()) {
    items.push(parseExpr(p));
    if (p.peek() !== Tok.Comma) break;
    p.pos++;
  }
  const close = p.expectCloser(Tok.RBrack, open, 'tuple');
  p.popNewlines();
  return new TupleNode(open.start, close ? close.end : Math.max(open.end, p.prevEnd), fit(items));
}

/** Object items are separated by commas or line breaks, so line breaks stay significant between items. */
function parseObject(p: Parser): ObjectCons {
  const open = p.next();
  p.pushNewlines(true);
  const items: ObjectItem[] = [];
  for (;;) {
    const k = p.peek();
    if (k === Tok.Newline || k === Tok.Comma) {
      if (k === Tok.Comma && (items.length === 0 || p.kinds[p.pos - 1] === Tok.Comma)) p.errorHere('Expected an object key');
      p.pos++;
      continue;
    }
    if (k === Tok.RBrace || k === Tok.EOF || p.atColumnZeroIdent()) break;
    const item = parseObjectItem(p);
    if (item) items.push(item);
    const after = p.peek();
    if (after !== Tok.Comma && after !== Tok.Newline && after !== Tok.RBrace) {
      p.errorHere("Expected ',' or a line break after the object item");
      p.skipToLineEnd(true);
    }
  }
  p.popNewlines();
  const close = p.expectCloser(Tok.RBrace, open, 'object');
  return new ObjectNode(open.start, close ? close.end : Math.max(open.end, p.prevEnd), fit(items));
}

function parseObjectItem(p: Parser): ObjectItem | undefined {
  const start = p.start;
  const second = p.kinds[p.pos + 1];
  const key: Expr =
    p.kinds[p.pos] === Tok.Ident && (second === Tok.Equal || second === Tok.Colon)
      ? new VariableNode(p.starts[p.pos], p.ends[p.pos], p.tokenText(p.take()))
      : parseExpr(p);
  const sepKind = p.peek();
  if (sepKind !== Tok.Equal && sepKind !== Tok.Colon) {
    p.errorHere("Expected '=' or ':' after the object key");
    p.skipToLineEnd(true);
    return undefined;
  }
  const separator = p.starts[p.take()];
  const k = p.peek();
  const value =
    k === Tok.Newline || k === Tok.RBrace || k === Tok.Comma || k === Tok.EOF
      ? (p.error('Expected an expression for the object item', separator, separator + 1), p.invalid(separator + 1, separator + 1))
      : parseExpr(p);
  return new ObjectItemNode(Math.min(start, key.start), Math.max(value.end, separator + 1), key, separator, value);
}
