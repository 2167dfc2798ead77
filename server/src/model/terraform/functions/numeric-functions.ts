import { num, type TfValue } from '../value';
import { asItems, asNumber, fn, FunctionError, type TfFunction } from './function-kit';

// Numeric functions over JS doubles (Terraform uses arbitrary precision; doubles cover configuration values).

const n1 = (f: (x: number) => number): TfFunction => fn(1, 1, ([a]) => num(f(asNumber(a))));

function extreme(args: readonly TfValue[], pick: (a: number, b: number) => number): TfValue {
  if (args.length === 0) throw new FunctionError('must pass at least one number');
  return num(args.map((a) => asNumber(a)).reduce((a, b) => pick(a, b)));
}

export const numericFunctions: Record<string, TfFunction> = {
  abs: n1(Math.abs),
  ceil: n1(Math.ceil),
  floor: n1(Math.floor),
  signum: n1((x) => (x > 0 ? 1 : x < 0 ? -1 : 0)),
  min: fn(0, Infinity, (args) => extreme(args, Math.min)),
  max: fn(0, Infinity, (args) => extreme(args, Math.max)),
  pow: fn(2, 2, ([a, b]) => num(Math.pow(asNumber(a), asNumber(b)))),
  log: fn(2, 2, ([a, b]) => num(Math.log(asNumber(a)) / Math.log(asNumber(b)))),
  sum: fn(1, 1, ([l]) => {
    const items = asItems(l);
    if (items.length === 0) throw new FunctionError('cannot sum an empty list');
    return num(items.reduce((acc, v) => acc + asNumber(v), 0));
  }),
};
