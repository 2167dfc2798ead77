import type { Expr, For, ObjectCons, Splat, Template, TemplatePart } from '../../syntax/hcl/ast';
import { callFunction } from './functions/call-function';
import { asString, FunctionError, type FunctionContext } from './functions/function-kit';
import { containsError, unifyElements } from './functions/type-conversion-functions';
import { binaryOp, unaryOp } from './operators';
import { resolveNamedReference } from './resolve-named';
import { templateFile } from './template-file';
import { getAttr, index } from './traverse';
import { bool, firstUnknown, list, nullValue, num, object, str, unknown, withOrigin, type TfValue } from './value';

// Static evaluation of HCL expressions. Never throws: failures become Unknown values with `error: true`.
// Names (var., local., resources, module.) are resolved by the host module; this file knows expressions only.

/** What the evaluator needs from the module it evaluates in. */
export interface EvalHost {
  readonly dir: string;
  variableValue(name: string): TfValue | undefined;
  localValue(name: string): TfValue | undefined;
  /** `azurerm_x.n` / `data.t.n`: the instance collection or single instance; undefined when undeclared */
  resourceValue(address: string): TfValue | undefined;
  moduleValue(name: string): TfValue | undefined;
  readonly functionContext: FunctionContext;
  /** path.module and path.root as seen from the root module that loads this one */
  readonly pathModule: string;
}

/** Local symbols (for-expression variables, count/each of the instance being evaluated). */
export interface Scope {
  readonly symbols: ReadonlyMap<string, TfValue>;
  /** templatefile() templates see only their vars, no module names */
  readonly isolated?: boolean;
}

const SPLAT = '\u0000splat';
/** module-level evaluation binds nothing; shared instead of a new empty map per call */
const TOP_SCOPE: Scope = Object.freeze({ symbols: new Map<string, TfValue>() });
const MAX_DEPTH = 200;

export class Evaluator {
  private depth = 0;

  constructor(private readonly host: EvalHost) {}

  evaluate(expr: Expr, file: string, scope: Scope = TOP_SCOPE): TfValue {
    if (this.depth > MAX_DEPTH) return unknown('expression nested too deeply to evaluate', { error: true });
    this.depth++;
    try {
      const v = this.eval(expr, file, scope);
      return v.origin ? v : withOrigin(v, { file, range: expr.range });
    } catch (e) {
      // a bug here must not take down the server: report it as an error value
      const message = e instanceof FunctionError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
      return unknown(message, { error: true, origin: { file, range: expr.range } });
    } finally {
      this.depth--;
    }
  }

  private eval(e: Expr, file: string, scope: Scope): TfValue {
    // origins are made only for the literals that carry them (this runs once per expression node)
    switch (e.kind) {
      case 'Number':
        return num(e.value, { file, range: e.range });
      case 'Bool':
        return bool(e.value, { file, range: e.range });
      case 'Null':
        return nullValue({ file, range: e.range });
      case 'Template':
        return this.template(e, file, scope);
      case 'Variable':
        if (scope.symbols.has(e.name)) return scope.symbols.get(e.name)!;
        return resolveNamedReference(e, this.host, scope) ?? unknown(`Invalid reference to "${e.name}"`, { error: true });
      case 'GetAttr':
        return resolveNamedReference(e, this.host, scope) ?? getAttr(this.evaluate(e.object, file, scope), e.name.name);
      case 'Index':
        return index(this.evaluate(e.object, file, scope), this.evaluate(e.key, file, scope));
      case 'SplatItem':
        return scope.symbols.get(SPLAT) ?? unknown('splat outside a splat expression', { error: true });
      case 'Splat':
        return this.splat(e, file, scope);
      case 'Call':
        return this.call(e, file, scope);
      case 'Tuple':
        return list(e.items.map((x) => this.evaluate(x, file, scope)), { file, range: e.range });
      case 'Object':
        return this.objectCons(e, file, scope);
      case 'For':
        return this.forExpr(e, file, scope);
      case 'Conditional': {
        const c = this.evaluate(e.condition, file, scope);
        if (c.kind === 'unknown') return c.error ? c : unknown('condition is not known');
        if (c.kind !== 'bool' && !(c.kind === 'string' && (c.value === 'true' || c.value === 'false'))) {
          return unknown('Incorrect condition type: a bool is required', { error: true });
        }
        const t = this.evaluate(e.trueExpr, file, scope);
        const f = this.evaluate(e.falseExpr, file, scope);
        const [tu, fu] = safeUnify(t, f);
        return (c.kind === 'bool' ? c.value : c.value === 'true') ? tu : fu;
      }
      case 'Unary':
        return unaryOp(e.op, this.evaluate(e.operand, file, scope));
      case 'Binary':
        return binaryOp(e.op, this.evaluate(e.left, file, scope), this.evaluate(e.right, file, scope));
      case 'Parens':
        return this.evaluate(e.expr, file, scope);
      case 'Invalid':
        return unknown('syntax error in expression');
    }
  }

  private call(e: Extract<Expr, { kind: 'Call' }>, file: string, scope: Scope): TfValue {
    let args = e.args.map((a) => this.evaluate(a, file, scope));
    if (e.expandFinal && args.length > 0) {
      const last = args[args.length - 1];
      if (last.kind === 'unknown') return unknown(last.reason, { error: last.error });
      if (last.kind !== 'list' && last.kind !== 'set') return unknown('Invalid expanding argument value', { error: true });
      args = [...args.slice(0, -1), ...last.items];
    }
    if (e.name.name === 'templatefile') {
      // template variables only: the template sees none of the module's names
      return templateFile(args, this.host.functionContext, (t, symbols) => this.evaluate(t, file, { symbols, isolated: true }));
    }
    return callFunction(e.name.name, args, this.host.functionContext);
  }

  private template(t: Template, file: string, scope: Scope): TfValue {
    // "${x}" alone yields x itself, not its string form (HCL's template unwrapping)
    if (t.parts.length === 1 && t.parts[0].kind === 'TemplateInterp' && !t.heredoc) return this.evaluate(t.parts[0].expr, file, scope);
    const text = this.parts(t.parts, file, scope);
    return typeof text === 'string' ? str(text, { file, range: t.range }) : text;
  }

  private parts(parts: readonly TemplatePart[], file: string, scope: Scope): string | TfValue {
    let out = '';
    let stripNext = false;
    for (const p of parts) {
      if (p.kind === 'TemplateLiteral') {
        out += stripNext ? p.value.replace(/^\s+/, '') : p.value;
        stripNext = false;
        continue;
      }
      if (p.kind === 'TemplateInterp' && p.strip.left) out = out.replace(/\s+$/, '');
      const piece = this.templatePart(p, file, scope);
      if (typeof piece !== 'string') return piece;
      out += piece;
      stripNext = p.kind === 'TemplateInterp' && p.strip.right;
    }
    return out;
  }

  private templatePart(p: Exclude<TemplatePart, { kind: 'TemplateLiteral' }>, file: string, scope: Scope): string | TfValue {
    if (p.kind === 'TemplateInterp') {
      const v = this.evaluate(p.expr, file, scope);
      if (v.kind === 'unknown') return v.error ? v : unknown(v.reason ?? 'interpolated value is not known');
      if (v.kind === 'null') return unknown('Invalid template interpolation value: the expression result is null', { error: true });
      if (v.kind === 'list' || v.kind === 'set' || v.kind === 'object') {
        return unknown('Invalid template interpolation value: cannot include a collection in a string template', { error: true });
      }
      return asString(v);
    }
    if (p.kind === 'TemplateIf') {
      const c = this.evaluate(p.condition, file, scope);
      if (c.kind === 'unknown') return c.error ? c : unknown('template condition is not known');
      if (c.kind !== 'bool') return unknown('Invalid template if condition: a bool is required', { error: true });
      return this.parts(c.value ? p.then : (p.else ?? []), file, scope);
    }
    const coll = this.evaluate(p.collection, file, scope);
    const pairs = iterate(coll);
    if (!Array.isArray(pairs)) return pairs;
    let out = '';
    for (const [k, v] of pairs) {
      const piece = this.parts(p.body, file, bind(scope, p.keyVar?.name, k, p.valueVar.name, v));
      if (typeof piece !== 'string') return piece;
      out += piece;
    }
    return out;
  }

  private objectCons(e: ObjectCons, file: string, scope: Scope): TfValue {
    const entries = new Map<string, TfValue>();
    for (const item of e.items) {
      let key: TfValue;
      if (item.key.kind === 'Variable') key = str(item.key.name);
      else key = this.evaluate(item.key.kind === 'Parens' ? item.key.expr : item.key, file, scope);
      if (key.kind === 'unknown') return key.error ? key : unknown('object key is not known');
      if (key.kind !== 'string' && key.kind !== 'number' && key.kind !== 'bool') {
        return unknown('Incorrect key type: a string is required', { error: true });
      }
      entries.set(asString(key), this.evaluate(item.value, file, scope));
    }
    return object(entries, { file, range: e.range });
  }

  private forExpr(e: For, file: string, scope: Scope): TfValue {
    const coll = this.evaluate(e.collection, file, scope);
    const pairs = iterate(coll);
    if (!Array.isArray(pairs)) return pairs;
    const items: TfValue[] = [];
    const groups = new Map<string, TfValue[]>();
    for (const [k, v] of pairs) {
      const inner = bind(scope, e.keyVar?.name, k, e.valueVar.name, v);
      if (e.condition) {
        const c = this.evaluate(e.condition, file, inner);
        if (c.kind === 'unknown') return c.error ? c : unknown('for-expression condition is not known');
        if (c.kind !== 'bool') return unknown('Invalid for_each condition: a bool is required', { error: true });
        if (!c.value) continue;
      }
      const value = this.evaluate(e.valueExpr, file, inner);
      if (!e.object || !e.keyExpr) { items.push(value); continue; }
      const key = this.evaluate(e.keyExpr, file, inner);
      if (key.kind === 'unknown') return key.error ? key : unknown('for-expression key is not known');
      const k2 = asString(key, 'object key');
      if (groups.has(k2) && !e.grouping) return unknown(`Duplicate object key "${k2}"`, { error: true });
      groups.set(k2, [...(groups.get(k2) ?? []), value]);
    }
    const at = { file, range: e.range };
    if (!e.object) return list(items, at);
    return object(new Map([...groups].map(([k, vs]) => [k, e.grouping ? list(vs) : vs[0]])), at);
  }

  private splat(e: Splat, file: string, scope: Scope): TfValue {
    const source = this.evaluate(e.source, file, scope);
    if (source.kind === 'unknown') return source.error ? source : unknown(source.reason, { ref: source.ref });
    if (source.kind === 'null') return list([]);
    const items = source.kind === 'list' || source.kind === 'set' ? source.items : [source];
    const out = items.map((item) => this.evaluate(e.each, file, bind(scope, undefined, item, SPLAT, item)));
    if (source.kind === 'list' && source.open && items.length === 0) return unknown('instances are not known', { ref: source.open });
    return list(out, { file, range: e.range });
  }
}

function bind(scope: Scope, keyName: string | undefined, key: TfValue, valueName: string, value: TfValue): Scope {
  const symbols = new Map(scope.symbols);
  if (keyName) symbols.set(keyName, key);
  symbols.set(valueName, value);
  return { symbols, isolated: scope.isolated };
}

/** Key/value pairs of a collection a `for` iterates, or the Unknown/error that stops it. */
function iterate(coll: TfValue): [TfValue, TfValue][] | TfValue {
  if (coll.kind === 'unknown') return coll.error ? coll : unknown(coll.reason ?? 'collection is not known');
  if (coll.kind === 'list') return coll.items.map((v, i) => [num(i), v]);
  if (coll.kind === 'set') return coll.items.map((v) => [v, v]);
  if (coll.kind === 'object') return [...coll.entries].map(([k, v]) => [str(k), v]);
  if (coll.kind === 'null') return unknown('Iteration over null value', { error: true });
  return unknown('Iteration over non-iterable value', { error: true });
}

function safeUnify(a: TfValue, b: TfValue): [TfValue, TfValue] {
  if (firstUnknown(a) || firstUnknown(b) || containsError(a) || containsError(b)) return [a, b];
  try {
    const [x, y] = unifyElements([a, b], 'results', 'a single type');
    return [x, y];
  } catch {
    return [a, b];
  }
}
