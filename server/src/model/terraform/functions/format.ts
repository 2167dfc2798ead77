import type { TfValue } from '../value';
import { toJs } from '../value';
import { asNumber, asString, FunctionError, numberToString } from './function-kit';

// Terraform's format(): Go-style verbs over Terraform values (cty's stdlib/format.go semantics, rewritten).

const VERB = /%(?:\[(\d+)\])?([-+# 0]*)(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])/gy;

interface Spec {
  readonly flags: string;
  readonly width?: number;
  readonly precision?: number;
}

export function formatValues(fmt: string, args: readonly TfValue[]): string {
  let out = '';
  let argIndex = 0;
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) { out += fmt.slice(i); break; }
    out += fmt.slice(i, pct);
    VERB.lastIndex = pct;
    const m = VERB.exec(fmt);
    if (!m) throw new FunctionError(`invalid format verb at ${pct}`);
    i = VERB.lastIndex;
    const verb = m[6];
    if (verb === '%') { out += '%'; continue; }
    const explicit = m[1] ?? m[5];
    if (explicit !== undefined) argIndex = Number(explicit) - 1;
    if (argIndex >= args.length || argIndex < 0) {
      throw new FunctionError(`not enough arguments for "%${verb}" at ${pct}: need index ${argIndex + 1} but have ${args.length} total`);
    }
    const spec: Spec = { flags: m[2], width: m[3] ? Number(m[3]) : undefined, precision: m[4] !== undefined ? Number(m[4] || '0') : undefined };
    out += pad(formatOne(verb, args[argIndex], spec, pct), spec);
    argIndex++;
  }
  return out;
}

function pad(s: string, spec: Spec): string {
  if (spec.width === undefined || s.length >= spec.width) return s;
  const fill = spec.width - s.length;
  if (spec.flags.includes('-')) return s + ' '.repeat(fill);
  if (spec.flags.includes('0') && /^[-+]?[0-9.]/.test(s)) {
    const sign = /^[-+]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function signed(n: number, body: string, spec: Spec): string {
  if (n < 0 || Object.is(n, -0)) return body;
  if (spec.flags.includes('+')) return '+' + body;
  if (spec.flags.includes(' ')) return ' ' + body;
  return body;
}

function integer(v: TfValue, verb: string, at: number): number {
  const n = asNumber(v);
  if (!Number.isInteger(n)) throw new FunctionError(`unsupported value for "%${verb}" at ${at}: an integer is required`);
  return n;
}

function exponent(n: number, precision: number, upper: boolean): string {
  const s = n.toExponential(precision).replace(/e([-+])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function formatOne(verb: string, v: TfValue, spec: Spec, at: number): string {
  if (v.kind === 'null' && verb !== 'v') throw new FunctionError(`unsupported value for "%${verb}" at ${at}: null value cannot be formatted`);
  switch (verb) {
    case 'v':
      if (spec.flags.includes('#') || v.kind === 'list' || v.kind === 'set' || v.kind === 'object') return JSON.stringify(toJs(v));
      return v.kind === 'null' ? 'null' : asString(v);
    case 't':
      if (v.kind !== 'bool') throw new FunctionError(`unsupported value for "%t" at ${at}: bool is required`);
      return String(v.value);
    case 's':
      return truncate(asString(v), spec.precision);
    case 'q':
      return JSON.stringify(asString(v));
    case 'd': {
      const n = integer(v, verb, at);
      return signed(n, numberToString(n), spec);
    }
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      if (verb !== 'b' && v.kind === 'string' && Number.isNaN(Number(v.value))) {
        const hex = [...Buffer.from(v.value, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join('');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
      const n = integer(v, verb, at);
      const s = Math.abs(n).toString(verb === 'b' ? 2 : verb === 'o' ? 8 : 16);
      return signed(n, (n < 0 ? '-' : '') + (verb === 'X' ? s.toUpperCase() : s), spec);
    }
    case 'e':
    case 'E': {
      const n = asNumber(v);
      return signed(n, exponent(n, spec.precision ?? 6, verb === 'E'), spec);
    }
    case 'f':
    case 'F': {
      const n = asNumber(v);
      return signed(n, n.toFixed(spec.precision ?? 6), spec);
    }
    case 'g':
    case 'G': {
      const n = asNumber(v);
      const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
      const body = spec.precision !== undefined ? String(Number(n.toPrecision(Math.max(spec.precision, 1)))) : String(n);
      if (exp < -4 || exp >= 21) return signed(n, exponent(n, Math.max(body.replace(/[^0-9]/g, '').length - 1, 0), verb === 'G'), spec);
      return signed(n, body, spec);
    }
    default:
      throw new FunctionError(`unrecognized format character '${verb}' at offset ${at}`);
  }
}

function truncate(s: string, precision: number | undefined): string {
  if (precision === undefined) return s;
  return Array.from(s).slice(0, precision).join('');
}
