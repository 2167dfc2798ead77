import type { Attribute, Block, Body, BodyItem, Identifier, Label } from './ast';
import * as Nodes from './ast-nodes';
import { fit, MAX_NESTING, type Parser } from './parser';
import { Tok as TokKind } from './token';
import { parseExpr } from './parse-expr';
import { unescapeQuoted } from './parse-template';

// a module-local binding, not the import: see the note on Tok in token.ts
const Tok = TokKind;
type Tok = TokKind;
// and so are the node classes (one read per node built)
const { AttributeNode, BlockNode, BodyNode, IdentifierNode, LabelNode } = Nodes;

export function parseFileBody(p: Parser): Body {
  const start = p.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const items = parseItems(p, false);
  return new BodyNode(start, p.text.length, items);
}

/** Body items up to EOF, or up to the `}` that closes a nested body (not consumed). */
function parseItems(p: Parser, nested: boolean): BodyItem[] {
  const items: BodyItem[] = [];
  let seen: Map<string, Attribute> | undefined;
  for (;;) {
    const k = p.peek();
    if (k === Tok.Newline) {
      p.pos++;
      continue;
    }
    if (k === Tok.EOF) break;
    if (k === Tok.RBrace) {
      if (nested) break;
      p.recovering = false;
      p.error("Unexpected '}': there is no open block to close", p.start, p.end);
      p.pos++;
      continue;
    }
    if (nested && p.atColumnZeroIdent()) break;
    p.recovering = false;
    if (k !== Tok.Ident) {
      p.errorHere('Expected an argument name or a block type');
      const from = skipFrom(p, nested);
      if (p.pos === from && p.kinds[p.pos] !== Tok.EOF) p.pos++;
      continue;
    }
    const reused = nested ? undefined : p.reuse?.itemAt(p.start);
    const item = reused && p.skipItem(reused.end) ? reused : parseItem(p, nested);
    if (!item) continue;
    items.push(item);
    if (item.kind !== 'Attribute') continue;
    seen ??= new Map();
    const first = seen.get(item.name.name);
    if (first) {
      p.error(`The argument '${item.name.name}' was already set at line ${p.lineOf(first.start)}; each argument may be set only once`, item.name.start, item.name.end, [
        { message: 'first set here', range: first.name.range },
      ]);
    } else seen.set(item.name.name, item);
  }
  return fit(items);
}

/** Skips the rest of a broken line and returns where it started (so callers can guarantee progress). */
function skipFrom(p: Parser, nested: boolean): number {
  const from = p.pos;
  p.skipToLineEnd(nested);
  return from;
}

function identifier(p: Parser): Identifier {
  const name = p.tokenText();
  const t = p.take();
  return new IdentifierNode(p.starts[t], p.ends[t], name);
}

function parseItem(p: Parser, nested: boolean): BodyItem | undefined {
  const second = p.kinds[p.pos + 1];
  if (second === Tok.Equal) {
    const attr = parseAttribute(p);
    expectLineEnd(p, nested, 'argument');
    return attr;
  }
  if (second === Tok.LBrace || second === Tok.OQuote || second === Tok.Ident) return parseBlock(p, nested);
  const name = p.tokenText();
  p.pos++;
  p.errorHere(`Expected '=' to set the argument '${name}', or a block body`);
  skipFrom(p, nested);
  return undefined;
}

function parseAttribute(p: Parser): Attribute {
  const name = identifier(p);
  const equals = p.starts[p.take()];
  const k = p.peek();
  let value;
  if (k === Tok.Newline || k === Tok.EOF || k === Tok.RBrace) {
    p.error("Expected an expression after '='", equals, equals + 1);
    value = p.invalid(equals + 1, equals + 1);
  } else value = parseExpr(p);
  return new AttributeNode(name.start, Math.max(value.end, equals + 1), name, equals, value);
}

/** After an argument or block: a line break, the end of the file, or the `}` of an enclosing one-line block. */
function expectLineEnd(p: Parser, nested: boolean, what: string): void {
  const k = p.peek();
  if (k === Tok.Newline) {
    p.pos++;
    return;
  }
  if (k === Tok.EOF || (k === Tok.RBrace && nested)) return;
  p.error(`Expected a line break after the ${what}; each ${what} must be on its own line`, p.start, p.end);
  skipFrom(p, nested);
}

function parseLabel(p: Parser): Label {
  if (p.peek() === Tok.Ident) {
    const value = p.tokenText();
    const t = p.take();
    return new LabelNode(p.starts[t], p.ends[t], value, false);
  }
  const open = p.next();
  let value = '';
  if (p.peek() === Tok.StringLit) {
    const lit = p.next();
    value = unescapeQuoted(p, lit.start, lit.end, false);
  }
  if (p.peek() !== Tok.CQuote) {
    p.error('Template sequences are not allowed in block labels', p.start, p.end);
    while (p.peek() !== Tok.CQuote && p.peek() !== Tok.EOF) p.pos++;
  }
  const close = p.next();
  if (close.start === close.end) p.error('Unterminated string: add the closing \'"\' on the same line', open.start, close.end);
  return new LabelNode(open.start, close.end, value, true);
}

function parseBlock(p: Parser, nested: boolean): Block {
  const type = identifier(p);
  let labels: Label[] = [];
  while (p.peek() === Tok.OQuote || p.kinds[p.pos] === Tok.Ident) labels.push(parseLabel(p));
  const headerEnd = p.prevEnd;
  labels = fit(labels);
  if (p.peek() !== Tok.LBrace) {
    p.errorHere(`Expected '{' to open the body of the block '${type.name}'`);
    skipFrom(p, nested);
    return new BlockNode(type.start, headerEnd, type, labels, -1, new BodyNode(headerEnd, headerEnd, []), -1);
  }
  const openBrace = p.next();
  let items: BodyItem[] = [];
  if (p.depth >= MAX_NESTING) {
    p.error(`Nesting too deep (more than ${MAX_NESTING} levels); the rest of this block is skipped`, openBrace.start, openBrace.end);
    p.skipToCloser();
  } else {
    p.depth++;
    items = parseBlockItems(p);
    p.depth--;
  }
  const closeBrace = p.expectCloser(Tok.RBrace, openBrace, 'block');
  const lastEnd = items.length > 0 ? items[items.length - 1].end : openBrace.end;
  const body: Body = new BodyNode(openBrace.end, closeBrace ? closeBrace.start : lastEnd, items);
  const block: Block = new BlockNode(type.start, closeBrace ? closeBrace.end : lastEnd, type, labels, openBrace.start, body, closeBrace ? closeBrace.start : -1);
  if (closeBrace) expectLineEnd(p, nested, 'block definition');
  return block;
}

/** `{ a = 1 }` on one line holds at most one argument and no blocks; otherwise a normal body follows. */
function parseBlockItems(p: Parser): BodyItem[] {
  const k = p.peek();
  if (k === Tok.Newline || k === Tok.RBrace || k === Tok.EOF) return parseItems(p, true);
  if (k === Tok.Ident && p.kinds[p.pos + 1] === Tok.Equal) {
    const attr = parseAttribute(p);
    const after = p.peek();
    if (after === Tok.RBrace) return [attr];
    if (after === Tok.Newline) p.error("The closing '}' of a single-line block must be on the same line", p.start, p.end);
    else p.error('Only one argument is allowed in a single-line block', p.start, p.end);
    if (after !== Tok.Newline) p.skipToLineEnd(true);
    return [attr, ...parseItems(p, true)];
  }
  if (k === Tok.Ident) p.error('A single-line block cannot contain another block', p.start, p.end);
  return parseItems(p, true);
}
