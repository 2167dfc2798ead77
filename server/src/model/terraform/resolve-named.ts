import type { GetAttr, Variable } from '../../syntax/hcl/ast';
import type { EvalHost, Scope } from './evaluator';
import { str, unknown, type TfValue } from './value';

// Names Terraform puts in scope: var., local., module., data., resources, count., each., self., path.,
// terraform. Returns undefined when the expression is not such a name (the evaluator then evaluates it generically).

/** Scope symbols the instance being evaluated provides (see Scope). */
export const COUNT_INDEX = 'count.index';
export const EACH_KEY = 'each.key';
export const EACH_VALUE = 'each.value';

const err = (message: string): TfValue => unknown(message, { error: true });

export function resolveNamedReference(
  e: Variable | GetAttr,
  host: EvalHost,
  scope: Scope,
): TfValue | undefined {
  if (e.kind === 'Variable') return undefined;
  const name = e.name.name;
  const root = e.object.kind === 'Variable' ? e.object.name : e.object.kind === 'GetAttr' && e.object.object.kind === 'Variable' ? e.object.object.name : undefined;
  if (scope.isolated && root !== undefined && !scope.symbols.has(root)) return err(`Invalid reference in template: only the template's variables are available`);
  if (e.object.kind === 'GetAttr' && e.object.object.kind === 'Variable' && e.object.object.name === 'data') {
    if (scope.symbols.has('data')) return undefined;
    return host.resourceValue(`data.${e.object.name.name}.${name}`) ?? err(`Reference to undeclared resource data.${e.object.name.name}.${name}`);
  }
  if (e.object.kind !== 'Variable' || root === undefined) return undefined;
  if (scope.symbols.has(root)) return undefined;
  switch (root) {
    case 'var':
      return host.variableValue(name) ?? err(`Reference to undeclared input variable "${name}"`);
    case 'local':
      return host.localValue(name) ?? err(`Reference to undeclared local value "${name}"`);
    case 'module':
      return host.moduleValue(name) ?? err(`Reference to undeclared module "${name}"`);
    case 'data':
      return err('A data source reference needs a type and a name');
    case 'count':
      return name === 'index' ? (scope.symbols.get(COUNT_INDEX) ?? unknown('count.index is known per instance')) : err(`Invalid count attribute "${name}"`);
    case 'each':
      if (name === 'key') return scope.symbols.get(EACH_KEY) ?? unknown('each.key is known per instance');
      if (name === 'value') return scope.symbols.get(EACH_VALUE) ?? unknown('each.value is known per instance');
      return err(`Invalid each attribute "${name}"`);
    case 'self':
      return unknown('self is only known at apply time');
    case 'path':
      if (name === 'module') return str(host.pathModule);
      if (name === 'root') return str('.');
      return unknown(`path.${name} depends on where Terraform runs`);
    case 'terraform':
      return unknown(`terraform.${name} is chosen at run time`);
    default:
      return host.resourceValue(`${root}.${name}`) ?? err(`Reference to undeclared resource ${root}.${name}`);
  }
}
