import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../syntax/yaml/parse-yaml';
import { asMap, scalarText } from './k-value';
import { yamlValue } from './yaml-value';

// Map views build entries lazily, per key asked for: look-ups and the full entry list must agree, whatever the order.

function mapOf(text: string) {
  const d = parseYaml(text).documents[0];
  return asMap(yamlValue(d.doc.contents, { text: d.source, base: d.base }, d.range))!;
}

for (const size of [3, 40]) {
  test(`a ${size}-key map answers look-ups with the entries of its entry list; the first of duplicate keys wins`, () => {
    const keys = Array.from({ length: size }, (_, i) => `k${i}`);
    const text = [...keys.map((k, i) => `${k}: v${i}`), 'k1: duplicate', ''].join('\n');
    const looked = mapOf(text);
    const first = looked.entry('k1')!;
    assert.equal(scalarText(first.value), 'v1');
    assert.equal(looked.entry('missing'), undefined);
    assert.equal(looked.entries[1], first, 'an entry looked up first is the one the list holds');
    assert.equal(looked.entries.length, size + 1);
    const listed = mapOf(text);
    const all = listed.entries;
    for (const k of keys) assert.equal(listed.entry(k), all.find((e) => e.key === k), k);
    assert.equal(listed.get('k1'), all[1].value);
    assert.equal(text.slice(all[0].keyRange.start, all[0].keyRange.end), 'k0');
  });
}

test('entry ranges run from the key to the value; an empty value is a zero-width null after its key', () => {
  const text = 'name: web\nempty:\nlist:\n  - a\n';
  const map = mapOf(text);
  const name = map.entry('name')!;
  assert.equal(text.slice(name.range.start, name.range.end), 'name: web');
  const empty = map.entry('empty')!;
  assert.equal(empty.value.kind === 'scalar' && empty.value.value, null);
  assert.equal(empty.value.range.start, empty.value.range.end);
  assert.equal(text.slice(empty.keyRange.end, empty.value.range.start), ':');
  assert.equal(text.slice(map.entry('list')!.range.start, map.entry('list')!.range.end), 'list:\n  - a');
  assert.deepEqual(map.range, { start: 0, end: text.length - 1 }, 'a block map ends at its last character');
});
