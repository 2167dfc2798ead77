import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanFlowCollection } from './flow-collections';

// Flow collections as the block reader reads them; block-reader.test.ts holds the trees to the yaml package.

const scan = (src: string, indent = 0) => scanFlowCollection(src, src.search(/[[{]/), src.indexOf('\n') < 0 ? src.length : src.indexOf('\n'), indent);

test('reads flow sequences and mappings of scalars, with item ranges and the offset after the closing bracket', () => {
  const seq = scan('a: [x, "y" , 1,]\n');
  assert.deepEqual(seq?.node.kind === 'seq' && seq.node.items.map((n) => n && [n.start, n.end, n.kind === 'scalar' && n.value]), [[4, 5, 'x'], [7, 10, 'y'], [13, 14, 1]]);
  assert.equal(seq?.end, 16);
  const map = scan('a: {k: v, "q":2}\n');
  assert.deepEqual(map?.node.kind === 'map' && map.node.entries.map((n) => n && n.kind === 'scalar' && n.value), ['k', 'v', 'q', 2]);
  assert.deepEqual([map?.node.start, map?.end], [3, 16]);
});

test('continues after `[`, `{` or `,` on lines indented more than the block collection', () => {
  const src = 'args: ["a",\n  "b", c]\nnext: 1\n';
  assert.equal(scan(src)?.end, src.indexOf(']') + 1);
  assert.equal(scan(src, 2), undefined, 'not indented past the collection');
  assert.equal(scan('a: {x: 1,\n\n  y: 2}\n'), undefined, 'a blank line inside');
  assert.equal(scan('a: [x,\n  # c\n  y]\n'), undefined, 'a comment line inside');
  assert.equal(scan('a: [\n  x\n  ]\n'), undefined, 'a plain scalar that may continue on the next line');
  assert.equal(scan('a: [x,'), undefined, 'unclosed at the end');
});

test('gives up on what it does not model', () => {
  for (const src of ['a: [[1]]', 'a: [x, {y: 1}]', 'a: [x: 1]', 'a: {x}', 'a: {x: }', 'a: {x:1}', 'a: {x: 1, x: 2}', 'a: [x #c]', 'a: ["x\\q"]', 'a: [&x 1]']) {
    assert.equal(scan(src), undefined, src);
  }
});
