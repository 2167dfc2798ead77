import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePath } from './workspace-files';

test('normalizePath rewrites backslashes, empty and dot segments, and resolves ..', () => {
  const cases: [string, string][] = [
    ['a\\b\\c.tf', 'a/b/c.tf'],
    ['./a/./b.tf', 'a/b.tf'],
    ['a//b/', 'a/b'],
    ['/a/b', 'a/b'],
    ['a/../b.tf', 'b.tf'],
    ['a/b/..', 'a'],
    ['../x.tf', '../x.tf'],
    ['../../x', '../../x'],
    ['.', ''],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.equal(normalizePath(input), expected, input);
});

test('normal paths come back as they are, including names that only look like dot segments', () => {
  for (const p of ['main.tf', 'modules/aks/main.tf', 'a/.aks-lint.yaml', 'x/..y/z', 'x/y../z', '.terraform.lock.hcl', 'a.b/c']) {
    assert.equal(normalizePath(p), p);
  }
});
