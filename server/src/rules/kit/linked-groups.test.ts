import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../model/workspace';
import { linkedGroup, perLinkedGroup } from './linked-groups';
import { memoReportsKeyed } from './memo-on';

const files = [
  { path: 'app/main.tf', text: 'module "net" {\n  source = "../net"\n}\n' },
  { path: 'net/main.tf', text: 'resource "azurerm_subnet" "s" {\n  name = "s"\n}\n' },
  { path: 'other/main.tf', text: 'resource "azurerm_subnet" "o" {\n  name = "o"\n}\n' },
];

function runGroups(ws: Workspace, seen: string[][]): string[] {
  return [...perLinkedGroup(ws.terraform().modules, 'test-groups', (group) => {
    seen.push(group.map((m) => m.dir));
    return group.map((m) => `report for ${m.dir}`);
  })];
}

test('linkedGroup joins callers and callees, sorted by folder', () => {
  const ws = Workspace.create(files);
  assert.deepEqual(linkedGroup(ws.terraform().module('net')!).map((m) => m.dir), ['app', 'net']);
  assert.deepEqual(linkedGroup(ws.terraform().module('other')!).map((m) => m.dir), ['other']);
});

test('perLinkedGroup produces once per group and, after an edit, only for the edited group', () => {
  const seen: string[][] = [];
  const ws = Workspace.create(files);
  const first = runGroups(ws, seen);
  assert.deepEqual(first, ['report for app', 'report for net', 'report for other']);
  assert.deepEqual(seen, [['app', 'net'], ['other']]);
  assert.deepEqual(runGroups(ws, seen), first, 'same snapshot: replayed');
  assert.equal(seen.length, 2);
  const edited = ws.withFile('other/main.tf', `${files[2].text}# edit\n`);
  assert.deepEqual(runGroups(edited, seen), first);
  assert.deepEqual(seen.slice(2), [['other']], 'the untouched app+net group is not produced again');
});

test('memoReportsKeyed recomputes when its outside key changes', () => {
  const owner = {};
  let calls = 0;
  const produce = (): number[] => [++calls];
  assert.deepEqual(memoReportsKeyed(owner, 't', 'a', produce), [1]);
  assert.deepEqual(memoReportsKeyed(owner, 't', 'a', produce), [1]);
  assert.deepEqual(memoReportsKeyed(owner, 't', 'b', produce), [2]);
});
