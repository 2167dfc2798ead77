import type { Expr, TemplatePart } from '../../syntax/hcl/ast';
import { forEachChild } from '../../syntax/hcl/walk';
import type { TfAttribute, TfBlock, TfModule, TfReference, TfReferenceUse } from './model-types';

// Syntactic references: traversals such as `azurerm_user_assigned_identity.x.principal_id` mapped to what they
// name, and the reverse index "who refers to this resource". Values are not needed, only index keys are evaluated.

/** A step of a traversal: the `.name` or `[key]` node itself (no object of its own: thousands per model). */
type Step = Extract<Expr, { kind: 'GetAttr' | 'Index' }>;

/** `root.a[0].b` as root + steps; undefined when the expression is not a plain traversal. */
function traversal(e: Expr): { root: string; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let cur: Expr = e;
  while (cur.kind === 'GetAttr' || cur.kind === 'Index') {
    steps.push(cur);
    cur = cur.object;
  }
  return cur.kind === 'Variable' ? { root: cur.name, steps: steps.reverse() } : undefined;
}

type Key = string | number | undefined;

function keyOf(step: Step, module: TfModule, file: string): Key {
  if (step.kind === 'GetAttr') return step.name.name;
  const v = module.evaluate(step.key, file);
  return v.kind === 'string' || v.kind === 'number' ? v.value : undefined;
}

const SPECIAL = new Set(['count', 'each', 'self', 'path', 'terraform']);
const NOTHING_BOUND: ReadonlySet<string> = new Set();

/** The reference a traversal expression makes, or undefined (not a traversal, or a local symbol). */
export function referenceOf(module: TfModule, e: Expr, file: string, bound: ReadonlySet<string> = NOTHING_BOUND): TfReference | undefined {
  const t = traversal(e);
  if (!t || bound.has(t.root)) return undefined;
  const keys = t.steps.map((s) => keyOf(s, module, file));
  const isIndex = (i: number) => t.steps[i]?.kind === 'Index';
  const first = typeof keys[0] === 'string' ? keys[0] : undefined;
  // Plain literals, no spreads: `{ ...base, ... }` here cost microseconds per call (thousands of traces per run).
  if (SPECIAL.has(t.root)) {
    return { file, range: e.range, node: e, kind: t.root as TfReference['kind'], address: t.root, path: keys, target: undefined };
  }
  if (first === undefined) return undefined;
  if (t.root === 'var') return { file, range: e.range, node: e, kind: 'variable', address: `var.${first}`, path: keys.slice(1), target: module.variables.get(first) };
  if (t.root === 'local') return { file, range: e.range, node: e, kind: 'local', address: `local.${first}`, path: keys.slice(1), target: module.locals.get(first) };
  if (t.root === 'module') {
    const call = module.moduleCalls.find((c) => c.name === first);
    const counted = !!(call?.block.attribute('count') || call?.block.attribute('for_each'));
    return withInstance(file, e, 'module', `module.${first}`, call, keys.slice(1), counted, isIndex(1));
  }
  if (t.root === 'data') {
    const name = keys[1];
    if (typeof name !== 'string') return undefined;
    const address = `data.${first}.${name}`;
    const target = module.resource(address);
    return withInstance(file, e, 'data', address, target, keys.slice(2), !!target?.isCollection, isIndex(2));
  }
  const address = `${t.root}.${first}`;
  const target = module.resource(address);
  return withInstance(file, e, 'resource', address, target, keys.slice(1), !!target?.isCollection, isIndex(1));
}

/** `rest[0]` names the instance when the target is counted and the step is an index (`x.n[0]`, `x.n["k"]`). */
function withInstance(
  file: string,
  e: Expr,
  kind: 'module' | 'data' | 'resource',
  address: string,
  target: TfReference['target'],
  rest: Key[],
  counted: boolean,
  firstIsIndex: boolean,
): TfReference {
  if (counted && rest.length > 0 && firstIsIndex) return { file, range: e.range, node: e, kind, address, target, instance: { key: rest[0] }, path: rest.slice(1) };
  return { file, range: e.range, node: e, kind, address, target, path: rest };
}

/** Every reference inside an expression (maximal traversals; for-expression symbols excluded). */
export function referencesIn(module: TfModule, expr: Expr, file: string): TfReference[] {
  const out: TfReference[] = [];
  const visit = (e: Expr, bound: ReadonlySet<string>): void => {
    const ref = traversal(e) && referenceOf(module, e, file, bound);
    if (ref) {
      out.push(ref);
      // index keys may hold references of their own: `a.b[var.i]`
      for (let cur: Expr = e; cur.kind === 'GetAttr' || cur.kind === 'Index'; cur = cur.object) if (cur.kind === 'Index') visit(cur.key, bound);
      return;
    }
    if (e.kind === 'For') {
      visit(e.collection, bound);
      const inner = new Set([...bound, e.valueVar.name, ...(e.keyVar ? [e.keyVar.name] : [])]);
      for (const x of [e.keyExpr, e.valueExpr, e.condition]) if (x) visit(x, inner);
      return;
    }
    if (e.kind === 'Object') {
      for (const item of e.items) {
        if (item.key.kind !== 'Variable') visit(item.key, bound);
        visit(item.value, bound);
      }
      return;
    }
    if (e.kind === 'Template') return visitParts(e.parts, bound);
    forEachChild(e, (c) => {
      if (c.kind !== 'Identifier') visit(c as Expr, bound);
    });
  };
  const visitParts = (parts: readonly TemplatePart[], bound: ReadonlySet<string>): void => {
    for (const p of parts) {
      if (p.kind === 'TemplateInterp') visit(p.expr, bound);
      else if (p.kind === 'TemplateIf') {
        visit(p.condition, bound);
        visitParts(p.then, bound);
        visitParts(p.else ?? [], bound);
      } else if (p.kind === 'TemplateFor') {
        visit(p.collection, bound);
        visitParts(p.body, new Set([...bound, p.valueVar.name, ...(p.keyVar ? [p.keyVar.name] : [])]));
      }
    }
  };
  visit(expr, NOTHING_BOUND);
  return out;
}

/** Every reference in the given top-level blocks, with the attribute that holds it. */
export function collectReferenceUses(module: TfModule, owners: readonly TfBlock[]): TfReferenceUse[] {
  const out: TfReferenceUse[] = [];
  const walk = (owner: TfBlock, block: TfBlock, prefix: string): void => {
    for (const attribute of block.attributes()) addUses(module, owner, attribute, prefix + attribute.name, out);
    const nestedBlocks = block.blocks();
    if (nestedBlocks.length === 0) return;
    const seen = new Map<string, number>();
    for (const nested of nestedBlocks) {
      const i = seen.get(nested.blockType) ?? 0;
      seen.set(nested.blockType, i + 1);
      walk(owner, nested, `${prefix}${nested.blockType}.${i}.`);
    }
  };
  for (const owner of owners) walk(owner, owner, '');
  return out;
}

function addUses(module: TfModule, owner: TfBlock, attribute: TfAttribute, attributePath: string, out: TfReferenceUse[]): void {
  for (const reference of referencesIn(module, attribute.expr, attribute.file)) out.push({ reference, owner, attribute, attributePath });
}
