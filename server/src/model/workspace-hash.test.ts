import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineHashes, contentHash } from './workspace-hash';

test('combineHashes is the content hash of the length-prefixed parts, computed without joining them', () => {
  const cases = [[], ['a'], ['x'.repeat(1000), 'é€😀', ''], Array.from({ length: 300 }, (_, i) => `p${i}/main.tf`)];
  for (const parts of cases) assert.equal(combineHashes(parts), contentHash(parts.map((p) => `${p.length}:${p}`).join('')));
});

test('part boundaries matter', () => {
  assert.notEqual(combineHashes(['ab', 'c']), combineHashes(['a', 'bc']));
  assert.notEqual(combineHashes(['a', '']), combineHashes(['a']));
});
