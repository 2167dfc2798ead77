import { bool, firstUnknown, list, num, object, set, str, unknown, type TfValue } from '../value';
import { asBool, asItems, asString, fn, FunctionError, parseNumber, type TfFunction } from './function-kit';

// Type conversions (tostring, tonumber, tolist, ...) and the error-catching try()/can().

const primitive = (v: TfValue): boolean => v.kind === 'string' || v.kind === 'number' || v.kind === 'bool';

/**
 * Terraform's element-type unification for list/set/map conversions: primitives of mixed kinds become
 * strings; structural values may not be mixed with primitives.
 */
export function unifyElements(items: readonly TfValue[], from: string, to: string): TfValue[] {
  const kinds = new Set(items.filter((v) => v.kind !== 'null' && v.kind !== 'unknown').map((v) => (primitive(v) ? v.kind : 'structural')));
  if (kinds.size <= 1) return [...items];
  if (kinds.has('structural')) throw new FunctionError(`cannot convert ${from} to ${to} of any single type`);
  return items.map((v) => (primitive(v) ? str(asString(v), v.origin) : v));
}

function tonumber(v: TfValue): TfValue {
  if (v.kind === 'null' || v.kind === 'number') return v;
  if (v.kind === 'string') {
    const n = parseNumber(v.value);
    if (n === undefined) {
      throw new FunctionError(`cannot convert ${JSON.stringify(v.value)} to number; given string must be a decimal representation of a number`);
    }
    return num(n, v.origin);
  }
  throw new FunctionError(`cannot convert ${v.kind} to number`);
}

/** True when the value or something inside it is an evaluation error. */
export function containsError(v: TfValue): boolean {
  if (v.kind === 'unknown') return v.error === true;
  if (v.kind === 'list' || v.kind === 'set') return v.items.some(containsError);
  if (v.kind === 'object') return [...v.entries.values()].some(containsError);
  return false;
}

export const typeConversionFunctions: Record<string, TfFunction> = {
  tostring: fn(1, 1, ([v]) => {
    if (v.kind === 'null' || v.kind === 'string') return v;
    if (!primitive(v)) throw new FunctionError(`cannot convert ${v.kind === 'object' ? 'object' : 'tuple'} to string`);
    return str(asString(v), v.origin);
  }),
  tonumber: fn(1, 1, ([v]) => tonumber(v)),
  tobool: fn(1, 1, ([v]) => (v.kind === 'null' ? v : bool(asBool(v), v.origin))),
  tolist: fn(1, 1, ([v]) => (v.kind === 'null' ? v : list(unifyElements(asItems(v), 'tuple', 'list'), v.origin)), { allowUnknown: true }),
  toset: fn(1, 1, ([v]) => (v.kind === 'null' ? v : set(unifyElements(asItems(v), 'tuple', 'set'), v.origin)), { allowUnknown: true }),
  tomap: fn(
    1,
    1,
    ([v]) => {
      if (v.kind === 'null') return v;
      if (v.kind !== 'object') throw new FunctionError(`cannot convert ${v.kind} to map`);
      const keys = [...v.entries.keys()];
      const values = unifyElements([...v.entries.values()], 'object', 'map');
      return object(new Map(keys.map((k, i) => [k, values[i]])), v.origin);
    },
    { allowUnknown: true },
  ),
  // Arguments are evaluated eagerly, which is safe: evaluation has no side effects.
  try: fn(
    1,
    Infinity,
    (args) => {
      for (const a of args) {
        if (containsError(a)) continue;
        return firstUnknown(a) ? unknown('try() argument is not known yet') : a;
      }
      throw new FunctionError('no expression succeeded');
    },
    { allowUnknown: true, handlesErrors: true },
  ),
  can: fn(
    1,
    1,
    ([a]) => {
      if (containsError(a)) return bool(false);
      return firstUnknown(a) ? unknown('can() argument is not known yet') : bool(true);
    },
    { allowUnknown: true, handlesErrors: true },
  ),
};
