import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineHashes, contentHash, fileContribution, sumHash } from './workspace-hash';

test('combineHashes is the content hash of the length-prefixed parts, computed without joining them', () => {
  const cases = [[], ['a'], ['x'.repeat(1000), 'é€😀', ''], Array.from({ length: 300 }, (_, i) => `p${i}/main.tf`)];
  for (const parts of cases) assert.equal(combineHashes(parts), contentHash(parts.map((p) => `${p.length}:${p}`).join('')));
});

test('part boundaries matter', () => {
  assert.notEqual(combineHashes(['ab', 'c']), combineHashes(['a', 'bc']));
  assert.notEqual(combineHashes(['a', '']), combineHashes(['a']));
});

test('group hashes ignore order and change with any path, content, addition or removal', () => {
  const f = (path: string, hash: string) => ({ path, hash });
  const a = f('a.tf', 'h1');
  const b = f('b.tf', 'h2');
  const base = sumHash([a, b].map(fileContribution));
  assert.equal(sumHash([b, a].map(fileContribution)), base);
  assert.notEqual(sumHash([a, f('b.tf', 'h3')].map(fileContribution)), base, 'content');
  assert.notEqual(sumHash([a, f('c.tf', 'h2')].map(fileContribution)), base, 'path');
  assert.notEqual(sumHash([a].map(fileContribution)), base, 'removal');
  assert.notEqual(sumHash([a, b, f('c.tf', 'h4')].map(fileContribution)), base, 'addition');
  assert.notEqual(sumHash([a, b].map(fileContribution), 'config'), base, 'extra text');
  assert.notEqual(sumHash([f('ab', 'c')].map(fileContribution)), sumHash([f('a', 'bc')].map(fileContribution)), 'path/hash boundary');
});
