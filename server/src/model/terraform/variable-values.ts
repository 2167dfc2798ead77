import type { Expr } from '../../syntax/hcl/ast';
import type { VarFileDecl } from './decode-module';
import { asString, parseNumber } from './functions/function-kit';
import type { TfModuleCall, TfVariable } from './model-types';
import { bool, fromJs, list, num, set, str, unknown, valuesEqual, type TfValue } from './value';

// Input variable values with Terraform's precedence. Root modules: default < terraform.tfvars <
// terraform.tfvars.json < *.auto.tfvars (lexical) < configured var files. Called modules: the callers' arguments.

/** The value a var file gives `name`, or undefined when it does not set it. */
function fromVarFile(name: string, file: VarFileDecl, evalIn: (expr: Expr, file: string) => TfValue): TfValue | undefined {
  if (file.json) return name in file.json ? fromJs(file.json[name]) : undefined;
  const attr = [...(file.attributes ?? [])].reverse().find((a) => a.name.name === name);
  return attr ? evalIn(attr.value, file.file) : undefined;
}

export function rootVariableValue(
  variable: TfVariable,
  varFiles: readonly VarFileDecl[],
  evalIn: (expr: Expr, file: string) => TfValue,
): TfValue {
  let value: TfValue | undefined = variable.default?.value;
  for (const f of varFiles) value = fromVarFile(variable.name, f, evalIn) ?? value;
  return convertToType(value ?? unknown(`variable "${variable.name}" has no default and no value in the workspace`), variable.type?.expr);
}

/** A called module's variable: the argument of its caller(s); equal across callers, or Unknown. */
export function calledVariableValue(variable: TfVariable, callers: readonly TfModuleCall[]): TfValue {
  const values = callers.map((c) => c.inputs.get(variable.name)?.value ?? variable.default?.value);
  if (values.some((v) => v === undefined)) return unknown(`module input "${variable.name}" is not set by every caller`);
  const first = values[0]!;
  if (values.length === 1) return convertToType(first, variable.type?.expr);
  if (values.every((v) => valuesEqual(v!, first))) return convertToType(first, variable.type?.expr);
  return unknown(`module input "${variable.name}" differs between the ${callers.length} calls of this module`);
}

/** Applies the primitive and collection-kind parts of a type constraint (the parts rules observe). */
export function convertToType(v: TfValue, type: Expr | undefined): TfValue {
  if (!type || v.kind === 'unknown' || v.kind === 'null') return v;
  const name = type.kind === 'Variable' ? type.name : type.kind === 'Call' ? type.name.name : undefined;
  try {
    switch (name) {
      case 'string':
        return v.kind === 'number' || v.kind === 'bool' ? str(asString(v), v.origin) : v;
      case 'number':
        return v.kind === 'string' && parseNumber(v.value) !== undefined ? num(parseNumber(v.value)!, v.origin) : v;
      case 'bool':
        return v.kind === 'string' && (v.value === 'true' || v.value === 'false') ? bool(v.value === 'true', v.origin) : v;
      case 'set':
        return v.kind === 'list' ? set(v.items, v.origin) : v;
      case 'list':
        return v.kind === 'set' ? list(v.items, v.origin) : v;
      default:
        return v;
    }
  } catch {
    return v;
  }
}
