import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { resolvePlain, scalarTagTests, TAG_START_CHARS, UNRESOLVED } from './block-scalars';

// resolvePlain answers "string" without the tags for text that cannot start a tagged scalar. These tests hold that
// shortcut to the yaml package's own core-schema tags and values.

const TAGGED = ['', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '0o17', '12', '-3', '+4', '0x1F',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '1e3', '-1.5e-3', '.5', '1.', '3.14', '007'];
const TAILS = ['', 'rue', 'RUE', 'alse', 'ull', 'ULL', '1', '12', '.5', '1e3', 'x1F', 'o17', 'inf', '.inf', 'nan', '.nan', 'NaN'];

test('every tagged plain scalar starts with one of TAG_START_CHARS', () => {
  for (const text of TAGGED) {
    assert.ok(scalarTagTests().some((re) => re.test(text)), `${JSON.stringify(text)} is tagged`);
    if (text !== '') assert.ok(TAG_START_CHARS.includes(text[0]), `${JSON.stringify(text)} starts with a tag character`);
  }
});

test('no core-schema tag matches text starting with any other character', () => {
  const firsts = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'é', 'ñ', '日', '\u00a0'];
  for (const first of firsts) {
    if (TAG_START_CHARS.includes(first)) continue;
    for (const tail of TAILS) {
      const text = first + tail;
      assert.ok(!scalarTagTests().some((re) => re.test(text)), `${JSON.stringify(text)} matches no tag`);
      assert.equal(resolvePlain(text), text);
    }
  }
});

test('words of other lengths than 4 or 5 starting with n, t or f match no tag', () => {
  for (const first of 'nNtTfF') {
    for (const tail of [...TAILS, 'ame', 'amespace', 'rueish', 'ALSEY', 'ull ', 'ull\u00a0']) {
      const text = first + tail;
      if (text.length === 4 || text.length === 5) continue;
      assert.ok(!scalarTagTests().some((re) => re.test(text)), `${JSON.stringify(text)} matches no tag`);
    }
  }
});

test('plain values resolve as the yaml package resolves them', () => {
  for (const text of [...TAGGED.filter((t) => t !== ''), 'apiVersion', 'yes', 'no', 'on', 'Off', 'y', 'n', 'nginx:1.25', '10.0.0.0/16', 'tRUE', 'nul', 'fals', 'nulls', 'trueish', 'FALSEY', 'namespace', 'type', 'n', 'T', 'f', 'Nul', '+', '.', '0x', '0o8', '1_000', '1.2.3']) {
    const expected = parseDocument(`v: ${text}`).toJS().v as unknown;
    const actual = resolvePlain(text);
    assert.notEqual(actual, UNRESOLVED, text);
    assert.equal(actual, expected, text); // strict equality is Object.is: NaN equals NaN
  }
});
