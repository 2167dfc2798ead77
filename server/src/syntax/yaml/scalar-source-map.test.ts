import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from './parse-yaml';
import { blockContentStart, scalarSourceMapper, type SourceScalarStyle } from './scalar-source-map';

const STYLE: Record<string, SourceScalarStyle> = {
  PLAIN: 'plain', QUOTE_SINGLE: 'single-quoted', QUOTE_DOUBLE: 'double-quoted', BLOCK_LITERAL: 'literal', BLOCK_FOLDED: 'folded',
};

/** Parses `v: <value>` and returns the mapper for v's value plus its decoded string. */
function mapperFor(text: string) {
  const root = parseYaml(text).documents[0].doc.contents;
  assert.ok(root?.kind === 'map');
  const v = root.entries[1];
  assert.ok(v?.kind === 'scalar' && typeof v.value === 'string');
  const range = { start: v.start, end: v.end };
  return { decoded: v.value, range, map: scalarSourceMapper(text, range, v.value, STYLE[v.style]) };
}

/** Asserts that every occurrence of each word maps back to the same characters in the source. */
function assertWordsMap(text: string, words: string[]) {
  const { decoded, map } = mapperFor(text);
  for (const w of words) {
    const at = decoded.indexOf(w);
    assert.ok(at >= 0, w);
    const r = map({ start: at, end: at + w.length });
    assert.equal(text.slice(r.start, r.end), w);
  }
}

test('literal block scalar: tokens on more-indented lines map exactly', () => {
  const text = 'v: |\n  .:53 {\n      errors\n      forward . 10.0.0.4\n  }\nnext: 1\n';
  assertWordsMap(text, ['.:53', '{', 'errors', 'forward', '10.0.0.4', '}']);
});

test('literal block scalar with CRLF line breaks, keep chomping and blank lines', () => {
  const text = 'v: |+\r\n  a b\r\n\r\n    c\r\n\r\nw: 1\r\n';
  assertWordsMap(text, ['a b', 'c']);
});

test('folded, plain multi-line and single-quoted scalars map by alignment', () => {
  assertWordsMap('v: >\n  one two\n  three\n', ['one', 'two', 'three']);
  assertWordsMap('v: alpha\n  beta gamma\n', ['alpha', 'beta', 'gamma']);
  assertWordsMap("v: 'it''s here'\n", ['it', 's here']);
  assertWordsMap('v: "no escapes here"\n', ['escapes', 'here']);
});

test('double-quoted scalars with escapes map conservatively to the whole value', () => {
  const text = 'v: "a\\tb"\n';
  const { range, map } = mapperFor(text);
  assert.deepEqual(map({ start: 2, end: 3 }), range);
});

test('explicit indentation indicator still maps non-blank text exactly', () => {
  assertWordsMap('v: |2\n    indented\n  base\n', ['indented', 'base']);
});

test('blockContentStart points at the first content character', () => {
  const text = 'v: | # note\n    hello\n';
  const { range } = mapperFor(text);
  assert.equal(text.slice(blockContentStart(text, range)), 'hello\n');
});

test('out-of-range and empty requests are clamped', () => {
  const text = 'v: |\n  ab\n';
  const { decoded, map } = mapperFor(text);
  const end = map({ start: decoded.length + 5, end: decoded.length + 9 });
  assert.ok(end.start <= text.length && end.start === end.end);
  const empty = map({ start: 1, end: 1 });
  assert.equal(empty.start, text.indexOf('b'));
});
