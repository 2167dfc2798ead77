import { Scalar, Schema } from 'yaml';

// Scalar pieces of the block reader (block-reader.ts): plain-scalar resolution through the yaml package's core
// schema, quoted scalars (with line folding), literal and folded block scalars. Each returns undefined where
// the yaml package would do something these functions do not model, and the reader then gives the chunk up.

const SPACE = 32;
const NL = 10;

/** Thrown inside the reader where the yaml package must compose the chunk; caught by readBlockDocument. */
export const GIVE_UP: unique symbol = Symbol('give up');

// Plain scalars resolve through the yaml package's own core-schema tags, so `0x1F`, `1e3`, `~` or `True` get exactly
// the values the yaml package gives them.
const scalarTags = new Schema({}).tags.filter(
  (t): t is typeof t & { test: RegExp; resolve: (s: string, onError: (m: string) => void, o: object) => unknown } =>
    !!t.default && 'test' in t && t.test instanceof RegExp,
);
const RESOLVE_OPTIONS = { intAsBigInt: false };

/** resolvePlain's answer when a tag reports a problem. */
export const UNRESOLVED: unique symbol = Symbol('unresolved');

// Every core-schema tag test (null, bool, int, float) matches only the empty string or text starting with one of
// these characters, so anything else is a string without running eight regular expressions (block-scalars.test.ts
// holds the tags to this).
export const TAG_START_CHARS = '~nNtTfF+-.0123456789';
// Of these, the letters only start the words null, true and false (in three spellings): 4 or 5 characters.
const TAG_START = new Uint8Array(128);
for (let i = 0; i < TAG_START_CHARS.length; i++) TAG_START[TAG_START_CHARS.charCodeAt(i)] = /[a-z]/i.test(TAG_START_CHARS[i]) ? 2 : 1;

/** The value of a plain scalar; UNRESOLVED when the tag reports a problem. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // NaN (empty text) indexes nothing and falls through to the null tag
  if (c >= 128 || TAG_START[c] === 0 || (TAG_START[c] === 2 && text.length !== 4 && text.length !== 5)) return text;
  for (const tag of scalarTags) {
    if (!tag.test.test(text)) continue;
    let failed = false;
    const value = tag.resolve(text, () => (failed = true), RESOLVE_OPTIONS);
    if (failed) return UNRESOLVED;
    return value instanceof Scalar ? value.value : value; // null and bool tags return a Scalar
  }
  return text;
}

/** The core-schema tag tests, for the test that holds TAG_START_CHARS to them. */
export function scalarTagTests(): readonly RegExp[] {
  return scalarTags.map((t) => t.test);
}

/** Can a plain scalar start with `c` (followed by `next`)? Not with an indicator, except `-?:` before a non-space. */
export function canStartPlain(c: number, next: number): boolean {
  if (c === 45 || c === 63 || c === 58) return next !== SPACE && next !== NL && !Number.isNaN(next);
  return !(c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 ||
    c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96 || c === SPACE || c === NL || Number.isNaN(c));
}

const ESCAPES: Record<number, string> = {
  48: '\0', 97: '\x07', 98: '\b', 116: '\t', 110: '\n', 118: '\v', 102: '\f', 114: '\r', 101: '\x1b', 32: ' ', 34: '"', 47: '/', 92: '\\',
  78: '\u0085', 95: '\u00a0', 76: '\u2028', 80: '\u2029', // \N \_ \L \P
};
/** hex digits after \x, \u and \U */
const HEX_ESCAPES: Record<number, number> = { 120: 2, 117: 4, 85: 8 };

/**
 * A quoted scalar starting at the quote `at`: its value and the offset after the closing quote. With `indent` >= 0
 * it may span lines, folded as YAML folds flow scalars, each continuation line indented more than `indent`;
 * with `indent` < 0 it must close on its line.
 */
export function scanQuoted(src: string, at: number, indent: number): { value: string; end: number } | undefined {
  const quote = src.charCodeAt(at);
  const double = quote === 34;
  let value = '';
  let from = at + 1;
  for (let i = from; i < src.length; i++) {
    const ch = src.charCodeAt(i);
    if (ch === quote) {
      if (double || src.charCodeAt(i + 1) !== quote) return { value: value + src.slice(from, i), end: i + 1 };
      value += src.slice(from, i + 1); // '' is one quote
      from = ++i + 1;
    } else if (double && ch === 92) {
      const next = src.charCodeAt(i + 1);
      if (next === NL) {
        // an escaped line break joins the lines without a space
        const cont = continuation(src, i + 1, indent);
        if (!cont || cont.empty > 0) return undefined;
        value += src.slice(from, i);
        from = cont.at;
        i = cont.at - 1;
        continue;
      }
      const digits = HEX_ESCAPES[next];
      if (digits !== undefined) {
        const hex = src.slice(i + 2, i + 2 + digits);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
        if (!(code <= 0x10ffff)) return undefined; // malformed: the yaml package reports it
        value += src.slice(from, i) + String.fromCodePoint(code);
        i += 1 + digits;
        from = i + 1;
        continue;
      }
      const e = ESCAPES[next];
      if (e === undefined) return undefined; // anything else: the yaml package reports it
      value += src.slice(from, i) + e;
      from = ++i + 1;
    } else if (ch === NL) {
      const cont = continuation(src, i, indent);
      if (!cont) return undefined;
      value += trimEndSpaces(src.slice(from, i)) + (cont.empty > 0 ? '\n'.repeat(cont.empty) : ' ');
      from = cont.at;
      i = cont.at - 1;
    }
  }
  return undefined;
}

/** After the line break at `nl`: empty lines skipped, the next line's first character (indented more than `indent`). */
function continuation(src: string, nl: number, indent: number): { at: number; empty: number } | undefined {
  if (indent < 0) return undefined;
  let empty = 0;
  let i = nl + 1;
  for (;;) {
    let j = i;
    while (src.charCodeAt(j) === SPACE) j++;
    if (j >= src.length) return undefined;
    if (src.charCodeAt(j) !== NL) return j - i > indent ? { at: j, empty } : undefined;
    empty++;
    i = j + 1;
  }
}

function trimEndSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === SPACE) end--;
  return s.slice(0, end);
}

/** The first offset from `i` that is not a space, or `lineEnd`. */
export function skipSpaces(src: string, i: number, lineEnd: number): number {
  while (i < lineEnd && src.charCodeAt(i) === SPACE) i++;
  return i;
}

/** The style of a scalar quoted with `quote` (the character code of `"` or `'`). */
export function quotedStyle(quote: number): 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' {
  return quote === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
}

/**
 * A literal (`|`, `|-`, `|+`) or, with `folded`, folded (`>`, `>-`, `>+`) block scalar at `at` whose header line
 * ends at `headerEnd` (the line break or the end): content lines indented more than `indent`. Returns the value and
 * where the scalar ends (a line start). Folded scalars with more-indented lines (kept as they are) are not modelled.
 */
export function scanBlockScalar(src: string, at: number, headerEnd: number, indent: number, folded: boolean): { value: string; end: number } | undefined {
  const h = src.charCodeAt(at + 1);
  const chomp = h === 45 ? 'strip' : h === 43 ? 'keep' : 'clip';
  const rest = skipSpaces(src, chomp === 'clip' ? at + 1 : at + 2, headerEnd);
  if (rest < headerEnd && !(src.charCodeAt(rest) === 35 && src.charCodeAt(rest - 1) === SPACE)) return undefined; // indentation indicators...
  const lines: string[] = [];
  let contentIndent = -1;
  let pos = headerEnd < src.length ? headerEnd + 1 : src.length;
  let lastContentEnd = pos;
  let blankRun = 0;
  while (pos < src.length) {
    const nl = src.indexOf('\n', pos);
    const lineEnd = nl < 0 ? src.length : nl;
    const next = nl < 0 ? src.length : nl + 1;
    const lineIndent = skipSpaces(src, pos, lineEnd) - pos;
    if (pos + lineIndent >= lineEnd && !(contentIndent >= 0 && lineIndent > contentIndent)) {
      // a blank line (spaces beyond the content indentation make it a content line). Leading lines of spaces decide
      // the indentation, and a kept blank line ending the chunk without a line break is counted by its spaces: both
      // left to the yaml package.
      if ((contentIndent < 0 && lineIndent > 0) || (nl < 0 && chomp === 'keep')) return undefined;
      blankRun++;
      pos = next;
      continue;
    }
    if (contentIndent < 0) {
      if (lineIndent <= indent) break;
      contentIndent = lineIndent;
    } else if (lineIndent < contentIndent) break;
    if (folded && lineIndent > contentIndent) return undefined;
    for (; blankRun > 0; blankRun--) lines.push('');
    lines.push(src.slice(pos + contentIndent, lineEnd));
    pos = next;
    lastContentEnd = pos;
  }
  if (lines.length === 0 && blankRun > 0) return undefined;
  // a last content line without a line break ends the chunk: the yaml package chomps as if the break were there
  let value = folded ? fold(lines) : lines.join('\n');
  if (chomp === 'keep') value += '\n'.repeat(lines.length > 0 ? blankRun + 1 : blankRun);
  else if (chomp === 'clip' && lines.length > 0) value += '\n';
  return { value, end: chomp === 'keep' ? pos : lastContentEnd };
}

/** Folds the lines of a folded block scalar: a line break between two text lines is a space, empty lines are kept. */
function fold(lines: readonly string[]): string {
  let value = '';
  let empty = 0;
  let first = true;
  for (const line of lines) {
    if (line === '') {
      empty++;
      continue;
    }
    value += (empty > 0 ? '\n'.repeat(empty) : first ? '' : ' ') + line;
    empty = 0;
    first = false;
  }
  return value;
}
