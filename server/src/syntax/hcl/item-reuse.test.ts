import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from './parser';

// Parsing with the previous version's parse takes over exactly the top-level items an edit cannot have changed, and
// the result always equals a fresh parse (test/corpus/hcl-incremental.test.ts checks that on every corpus file).

const THREE = 'resource "a" "one" {\n  n = 1\n}\n\nresource "a" "two" {\n  n = 2\n}\n\nresource "a" "three" {\n  n = 3\n}\n';

function reparse(before: string, after: string): { items: boolean[] } {
  const previous = { text: before, result: parseHcl(before) };
  const incremental = parseHcl(after, previous);
  assert.deepEqual(incremental, parseHcl(after));
  const old = new Set(previous.result.file.body.items);
  return { items: incremental.file.body.items.map((item) => old.has(item)) };
}

test('typing over a value keeps every other top-level item, before and after the edit', () => {
  assert.deepEqual(reparse(THREE, THREE.replace('n = 2', 'n = 7')).items, [true, false, true]);
});

test('an edit that changes the length keeps the items before it only', () => {
  assert.deepEqual(reparse(THREE, THREE.replace('n = 2', 'n = 22')).items, [true, false, false]);
});

test('items after a length-changing edit are parsed again even where an old item started at the same offset', () => {
  const blocks = 'a {}\nb {}\nc {}\n';
  // the old text is all a suffix of the new one: the old `b` sat where the new `a` sits
  assert.deepEqual(reparse(blocks, `x {}\n${blocks}`).items, [false, false, false, false]);
});

test('text added after a closing brace on its line re-parses that block', () => {
  const after = THREE.replace('n = 1\n}', 'n = 1\n} x');
  const { items } = reparse(THREE, after);
  assert.equal(items[0], false);
  assert.ok(parseHcl(after).diagnostics.length > 0);
});

test('an edit that breaks the syntax reports what a fresh parse reports', () => {
  const broken = THREE.replace('n = 2', 'n = "2');
  reparse(THREE, broken);
  reparse(broken, THREE); // and a previous parse with problems is not taken over from
});
