import { list, str, type TfObject, type TfValue } from '../value';

// Shared pieces of the built-in function implementations: the function shape, Terraform's automatic
// argument conversions, and the error type that the caller turns into an error-Unknown.

/** A failed call; callFunction() turns it into an Unknown with `error: true` and Terraform's message. */
export class FunctionError extends Error {}

export interface FunctionContext {
  /** reads a file named as in the configuration (relative to the root module); undefined when unavailable */
  readonly readFile?: (path: string) => string | undefined;
}

export interface TfFunction {
  readonly minArgs: number;
  /** Infinity for variadic functions */
  readonly maxArgs: number;
  /**
   * When false (the default) the caller returns Unknown as soon as any argument is not wholly known.
   * When true the implementation receives Unknowns and must propagate them itself (length of a partial list, ...).
   */
  readonly allowUnknown?: boolean;
  /** try() and can() see error values instead of having them propagated */
  readonly handlesErrors?: boolean;
  readonly impl: (args: readonly TfValue[], ctx: FunctionContext) => TfValue;
}

export function fn(minArgs: number, maxArgs: number, impl: TfFunction['impl'], flags: Partial<TfFunction> = {}): TfFunction {
  return { minArgs, maxArgs, impl, ...flags };
}

/** Number to string as cty does: plain decimal notation, never exponent form. */
export function numberToString(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s;
  if (Number.isInteger(n)) return BigInt(n).toString();
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** Terraform's automatic conversion to string (numbers and bools convert; null and collections do not). */
export function asString(v: TfValue, what = 'argument'): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return numberToString(v.value);
    case 'bool':
      return String(v.value);
    case 'null':
      throw new FunctionError(`${what} must not be null`);
    default:
      throw new FunctionError(`${what}: string required`);
  }
}

/** cty's string-to-number parse: decimal notation only (no hex, no blanks). */
export function parseNumber(text: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function asNumber(v: TfValue, what = 'argument'): number {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string') {
    const n = parseNumber(v.value);
    if (n !== undefined) return n;
    throw new FunctionError(`${what}: a number is required`);
  }
  if (v.kind === 'null') throw new FunctionError(`${what} must not be null`);
  throw new FunctionError(`${what}: number required`);
}

export function asInteger(v: TfValue, what = 'argument'): number {
  const n = asNumber(v, what);
  if (!Number.isInteger(n)) throw new FunctionError(`${what}: value must be a whole number`);
  return n;
}

export function asBool(v: TfValue, what = 'argument'): boolean {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  if (v.kind === 'null') throw new FunctionError(`${what} must not be null`);
  throw new FunctionError(`${what}: bool required`);
}

/** Elements of a list, tuple or set. */
export function asItems(v: TfValue, what = 'argument'): readonly TfValue[] {
  if (v.kind === 'list' || v.kind === 'set') return v.items;
  if (v.kind === 'null') throw new FunctionError(`${what} must not be null`);
  throw new FunctionError(`${what}: list, set or tuple required`);
}

export function asObject(v: TfValue, what = 'argument'): TfObject {
  if (v.kind === 'object') return v;
  if (v.kind === 'null') throw new FunctionError(`${what} must not be null`);
  throw new FunctionError(`${what}: map or object required`);
}

export function strings(items: readonly TfValue[], what = 'element'): string[] {
  return items.map((v) => asString(v, what));
}

export function stringList(items: readonly string[]): TfValue {
  return list(items.map((s) => str(s)));
}
