import type { BinaryOp } from '../../syntax/hcl/ast';
import { asBool, asNumber, FunctionError } from './functions/function-kit';
import { bool, firstUnknown, num, unknown, valuesEqual, type TfValue } from './value';

// Unary and binary operators with Terraform's conversions (`1 + "2"` is 3, `1 == "1"` is false).

function fail(message: string): TfValue {
  return unknown(message, { error: true });
}

export function unaryOp(op: '!' | '-', v: TfValue): TfValue {
  if (v.kind === 'unknown') return unknown(v.reason, { error: v.error });
  try {
    return op === '!' ? bool(!asBool(v, 'operand')) : num(-asNumber(v, 'operand'));
  } catch (e) {
    return fail(`Invalid operand: ${(e as Error).message}`);
  }
}

export function binaryOp(op: BinaryOp, l: TfValue, r: TfValue): TfValue {
  // short-circuit where the known side decides, as HCL does
  if (op === '&&' && ((l.kind === 'bool' && !l.value) || (r.kind === 'bool' && !r.value))) return bool(false);
  if (op === '||' && ((l.kind === 'bool' && l.value) || (r.kind === 'bool' && r.value))) return bool(true);
  const error = [l, r].map(firstUnknown).find((u) => u?.error);
  if (error) return error;
  if (op === '==' || op === '!=') {
    if (firstUnknown(l) || firstUnknown(r)) return unknown('operand is not known');
    return bool(valuesEqual(l, r) === (op === '=='));
  }
  if (l.kind === 'unknown' || r.kind === 'unknown') return unknown('operand is not known');
  try {
    switch (op) {
      case '&&':
        return bool(asBool(l, 'left operand') && asBool(r, 'right operand'));
      case '||':
        return bool(asBool(l, 'left operand') || asBool(r, 'right operand'));
      default:
        return arithmetic(op, asNumber(l, 'Unsuitable value for left operand'), asNumber(r, 'Unsuitable value for right operand'));
    }
  } catch (e) {
    if (e instanceof FunctionError) return fail(`Invalid operand. ${e.message}`);
    throw e;
  }
}

function arithmetic(op: BinaryOp, a: number, b: number): TfValue {
  switch (op) {
    case '+':
      return num(a + b);
    case '-':
      return num(a - b);
    case '*':
      return num(a * b);
    case '/':
      return b === 0 ? fail('Operation failed: can\'t divide by zero') : num(a / b);
    case '%':
      return b === 0 ? fail('Operation failed: can\'t compute modulo zero') : num(a % b);
    case '<':
      return bool(a < b);
    case '<=':
      return bool(a <= b);
    case '>':
      return bool(a > b);
    default:
      return bool(a >= b);
  }
}
