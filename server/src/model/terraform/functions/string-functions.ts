import { bool, list, num, object, str, type TfValue } from '../value';
import { formatValues } from './format';
import { asInteger, asItems, asString, fn, FunctionError, stringList, type TfFunction } from './function-kit';

// String functions. Lengths and substrings count grapheme clusters, as Terraform does.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

/** Go RE2 syntax to a JS RegExp: named groups and a leading flag group are the differences that matter here. */
export function goRegExp(pattern: string, global = false): RegExp {
  let flags = global ? 'gu' : 'u';
  let body = pattern.replace(/\(\?P</g, '(?<');
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    body = body.slice(lead[0].length);
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  try {
    return new RegExp(body, flags);
  } catch (e) {
    throw new FunctionError(`invalid regular expression pattern: ${(e as Error).message}`);
  }
}

function regexResult(m: RegExpMatchArray): TfValue {
  if (m.groups) return object(new Map(Object.entries(m.groups).map(([k, v]) => [k, str(v ?? '')])));
  if (m.length > 1) return list(m.slice(1).map((g) => str(g ?? '')));
  return str(m[0]);
}

function substr(s: string, offset: number, length: number): string {
  const g = graphemes(s);
  let start = offset < 0 ? g.length + offset : offset;
  if (start < 0) start = 0;
  if (start > g.length) return '';
  const end = length < 0 ? g.length : Math.min(start + length, g.length);
  return g.slice(start, end).join('');
}

function trimSet(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && cut.has(chars[a])) a++;
  while (b > a && cut.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

function replace(s: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    // Go's $name / ${name} expansion; JS spells named references $<name>
    const jsReplacement = replacement.replace(/\$\{(\w+)\}|\$([A-Za-z_]\w*)/g, (_m, a, b) => `$<${a ?? b}>`);
    return s.replace(goRegExp(search.slice(1, -1), true), jsReplacement);
  }
  if (search === '') return `${replacement}${Array.from(s).join(replacement)}${s === '' ? '' : replacement}`;
  return s.split(search).join(replacement);
}

function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, pre, ch) => pre + ch.toUpperCase());
}

const s1 = (f: (s: string) => TfValue): TfFunction => fn(1, 1, ([a]) => f(asString(a)));
const s2 = (f: (a: string, b: string) => TfValue): TfFunction => fn(2, 2, ([a, b]) => f(asString(a), asString(b)));

export const stringFunctions: Record<string, TfFunction> = {
  format: fn(1, Infinity, ([f, ...rest]) => str(formatValues(asString(f), rest))),
  formatlist: fn(1, Infinity, ([f, ...rest]) => {
    const lengths = rest.filter((r) => r.kind === 'list' || r.kind === 'set').map((r) => asItems(r).length);
    if (new Set(lengths).size > 1) throw new FunctionError('all arguments must have the same number of elements');
    const n = lengths[0] ?? 1;
    const rows = Array.from({ length: n }, (_, i) => rest.map((r) => (r.kind === 'list' || r.kind === 'set' ? r.items[i] : r)));
    return list(rows.map((row) => str(formatValues(asString(f), row))));
  }),
  lower: s1((s) => str(s.toLowerCase())),
  upper: s1((s) => str(s.toUpperCase())),
  title: s1((s) => str(title(s))),
  strrev: s1((s) => str(graphemes(s).reverse().join(''))),
  trimspace: s1((s) => str(s.replace(/^\s+|\s+$/gu, ''))),
  chomp: s1((s) => str(s.replace(/(\r?\n)+$/, ''))),
  join: fn(2, Infinity, ([sep, ...lists]) => {
    const parts = lists.flatMap((l) => asItems(l).map((v) => asString(v, 'element')));
    return str(parts.join(asString(sep)));
  }),
  split: s2((sep, s) => stringList(sep === '' ? Array.from(s) : s.split(sep))),
  replace: fn(3, 3, ([s, search, r]) => str(replace(asString(s), asString(search), asString(r)))),
  substr: fn(3, 3, ([s, o, l]) => str(substr(asString(s), asInteger(o, 'offset'), asInteger(l, 'length')))),
  trim: s2((s, cut) => str(trimSet(s, cut))),
  trimprefix: s2((s, p) => str(s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: s2((s, p) => str(p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  startswith: s2((s, p) => bool(s.startsWith(p))),
  endswith: s2((s, p) => bool(s.endsWith(p))),
  strcontains: s2((s, p) => bool(s.includes(p))),
  indent: fn(2, 2, ([n, s]) => str(asString(s).replace(/\n/g, '\n' + ' '.repeat(asInteger(n, 'spaces'))))),
  regex: s2((pattern, s) => {
    const m = s.match(goRegExp(pattern));
    if (!m) throw new FunctionError('pattern did not match any part of the given string');
    return regexResult(m);
  }),
  regexall: s2((pattern, s) => list([...s.matchAll(goRegExp(pattern, true))].map(regexResult))),
  urlencode: s1((s) => str(encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))),
  parseint: fn(2, 2, ([s, b]) => {
    const base = asInteger(b, 'base');
    const text = asString(s);
    const n = parseInt(text, base);
    if (base < 2 || base > 62 || Number.isNaN(n) || !new RegExp(`^[-+]?[0-9a-z]+$`, 'i').test(text)) {
      throw new FunctionError(`cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
    }
    return num(n);
  }),
};
