import type { Expr, HclFile, Node, TemplatePart } from './ast';
import type * as A from './ast';

/** Calls fn for each direct child node, in source order. Comments are not nodes (see HclFile.comments). */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  const n = node as A.HclFile | A.Body | A.Attribute | A.Block | Expr | TemplatePart | A.ObjectItem | A.Label | A.Identifier;
  switch (n.kind) {
    case 'File':
      return fn(n.body);
    case 'Body':
      return n.items.forEach(fn);
    case 'Attribute':
      fn(n.name);
      return fn(n.value);
    case 'Block':
      fn(n.type);
      n.labels.forEach(fn);
      return fn(n.body);
    case 'Template':
      return n.parts.forEach(fn);
    case 'TemplateInterp':
      return fn(n.expr);
    case 'TemplateIf':
      fn(n.condition);
      n.then.forEach(fn);
      return n.else?.forEach(fn);
    case 'TemplateFor':
      if (n.keyVar) fn(n.keyVar);
      fn(n.valueVar);
      fn(n.collection);
      return n.body.forEach(fn);
    case 'GetAttr':
      fn(n.object);
      return fn(n.name);
    case 'Index':
      fn(n.object);
      return fn(n.key);
    case 'Splat':
      fn(n.source);
      return fn(n.each);
    case 'Call':
      fn(n.name);
      return n.args.forEach(fn);
    case 'Tuple':
      return n.items.forEach(fn);
    case 'Object':
      return n.items.forEach(fn);
    case 'ObjectItem':
      fn(n.key);
      return fn(n.value);
    case 'For':
      if (n.keyVar) fn(n.keyVar);
      fn(n.valueVar);
      fn(n.collection);
      if (n.keyExpr) fn(n.keyExpr);
      fn(n.valueExpr);
      if (n.condition) fn(n.condition);
      return;
    case 'Conditional':
      fn(n.condition);
      fn(n.trueExpr);
      return fn(n.falseExpr);
    case 'Unary':
      return fn(n.operand);
    case 'Binary':
      fn(n.left);
      return fn(n.right);
    case 'Parens':
      return fn(n.expr);
  }
}

/** Direct children as an array (convenient for explicit-stack traversals). */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  forEachChild(node, (c) => out.push(c));
  return out;
}

/**
 * The deepest node whose range contains offset (a node's end offset counts, so the cursor right after a
 * name finds it). Iterative, so deep trees are fine.
 */
export function nodeAt(file: HclFile, offset: number): Node | undefined {
  if (offset < file.start || offset > file.end) return undefined;
  let current: Node = file;
  for (;;) {
    let next: Node | undefined;
    forEachChild(current, (c) => {
      if (!next && c.start <= offset && offset <= c.end) next = c;
    });
    if (!next) return current;
    current = next;
  }
}
