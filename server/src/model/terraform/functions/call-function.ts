import { firstUnknown, isUnknown, unknown, type TfValue } from '../value';
import { cidrFunctions } from './cidr-functions';
import { collectionFunctions } from './collection-functions';
import { encodingFunctions } from './encoding-functions';
import { FunctionError, type FunctionContext, type TfFunction } from './function-kit';
import { numericFunctions } from './numeric-functions';
import { stringFunctions } from './string-functions';
import { containsError, typeConversionFunctions } from './type-conversion-functions';

// The function table and the one entry point that applies Terraform's argument rules: arity, Unknown
// propagation, error propagation. Never throws.

const table: Readonly<Record<string, TfFunction>> = {
  ...cidrFunctions,
  ...stringFunctions,
  ...collectionFunctions,
  ...numericFunctions,
  ...encodingFunctions,
  ...typeConversionFunctions,
};

/** Functions whose result is only known at apply time (or depends on the machine): always Unknown. */
const impure = new Set(['timestamp', 'plantimestamp', 'uuid', 'uuidv5', 'bcrypt', 'rsadecrypt', 'fileexists', 'fileset', 'abspath']);

export function isKnownFunction(name: string): boolean {
  return name in table || impure.has(name);
}

/** Calls a built-in by name (a `provider::` prefix or unknown name yields Unknown). */
export function callFunction(name: string, args: readonly TfValue[], ctx: FunctionContext = {}): TfValue {
  const f = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!f) return unknown(impure.has(name) ? `${name}() is only known at apply time` : `function ${name}() is not evaluated statically`);
  if (args.length < f.minArgs || args.length > f.maxArgs) {
    const problem = args.length < f.minArgs ? 'Not enough function arguments' : 'Too many function arguments';
    return unknown(`${problem} for ${name}()`, { error: true });
  }
  if (!f.handlesErrors) {
    const failed = args.find(containsError);
    if (failed) return firstUnknown(failed)!;
  }
  const blocked = f.allowUnknown ? args.find(isUnknown) : args.find((a) => firstUnknown(a) !== undefined);
  // no `ref` on the result: a value derived from a computed attribute is not that attribute
  if (blocked && !f.handlesErrors) return unknown(firstUnknown(blocked)!.reason ?? `argument of ${name}() is unknown`);
  try {
    return f.impl(args, ctx);
  } catch (e) {
    const message = e instanceof FunctionError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    return unknown(`Call to function "${name}" failed: ${message}.`, { error: true });
  }
}
