import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import type { CheckContext } from '../rules/kit/define-rule';
import { snapshotChanges } from './snapshot-changes';
import type { Dependencies } from './tracked-context';
import { recordUnit } from './unit-fixture';
import { UnitIndex } from './unit-index';

// The index must name every unit whose key an edit changed (it may name more): the runner visits no other unit.

const ws = Workspace.create([
  { path: 'a/main.tf', text: 'module "c" {\n  source = "../c"\n}\n' },
  { path: 'b/main.tf', text: 'resource "x" "b" {}\n' },
  { path: 'c/main.tf', text: 'resource "x" "c" {}\n' },
  { path: 'k8s/one.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' },
  { path: 'k8s/two.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n' },
]);

function record(read: (ctx: CheckContext) => void, file?: string): Dependencies {
  return recordUnit(ws, read, { file, keyed: true });
}

const units: Record<string, Dependencies> = {
  ownFile: record((ctx) => void ctx.hcl('b/main.tf'), 'b/main.tf'),
  otherFile: record((ctx) => void ctx.getFile('k8s/two.yaml'), 'k8s/one.yaml'),
  moduleA: record((ctx) => void ctx.terraformModuleOf('a/main.tf'), 'a/main.tf'),
  wholeModel: record((ctx) => void ctx.terraform()),
  allYaml: record((ctx) => void ctx.k8sObjects()),
  everything: record((ctx) => void ctx.workspace),
};
const index = new UnitIndex();
for (const [id, deps] of Object.entries(units)) index.set(id, deps);

const edits: [string, Workspace][] = [
  ['edit in the linked child module c', ws.withFile('c/main.tf', 'resource "x" "c2" {}\n')],
  ['edit in module b', ws.withFile('b/main.tf', 'resource "x" "b2" {}\n')],
  ['edit of a YAML file another unit reads', ws.withFile('k8s/two.yaml', 'a: 1\n')],
  ['b relinked to c', ws.withFile('b/main.tf', 'module "c" {\n  source = "../c"\n}\n')],
  ['new file', ws.withFile('d/main.tf', 'resource "x" "d" {}\n')],
  ['deleted file', ws.withoutFile('c/main.tf')],
];

test('every unit whose key an edit changed is among the affected units', () => {
  for (const [what, next] of edits) {
    const affected = index.affected(snapshotChanges(ws, next));
    for (const [id, deps] of Object.entries(units)) {
      if (deps.key(next) !== deps.key(ws)) assert.ok(affected.has(id), `${id} after ${what}`);
    }
    assert.ok(affected.has('everything'), `a whole-snapshot reader after ${what}`);
  }
});

test('units far from an edit are not visited; removed units are forgotten', () => {
  const yamlEdit = index.affected(snapshotChanges(ws, edits[2][1]));
  assert.deepEqual([...yamlEdit].sort(), ['allYaml', 'everything', 'otherFile']);
  const editB = index.affected(snapshotChanges(ws, edits[1][1]));
  assert.deepEqual([...editB].sort(), ['everything', 'ownFile', 'wholeModel']);
  index.delete('ownFile');
  assert.equal(index.affected(snapshotChanges(ws, edits[1][1])).has('ownFile'), false);
  assert.equal(index.affected(snapshotChanges(ws, ws)).size, 0, 'no change, no unit');
});

test('an input read by several units names each of them until the last one is removed', () => {
  const shared = new UnitIndex();
  const readB = (): Dependencies => record((ctx) => void ctx.getFile('b/main.tf'), 'b/main.tf');
  for (const id of ['b/main.tf', 'x', 'y']) shared.set(id, readB());
  const editB = snapshotChanges(ws, edits[1][1]);
  assert.deepEqual([...shared.affected(editB)].sort(), ['b/main.tf', 'x', 'y']);
  shared.delete('x');
  assert.deepEqual([...shared.affected(editB)].sort(), ['b/main.tf', 'y']);
  shared.set('y', record((ctx) => void ctx.getFile('k8s/two.yaml'), 'k8s/one.yaml'));
  assert.deepEqual([...shared.affected(editB)], ['b/main.tf'], 'y now reads other files');
  shared.delete('b/main.tf');
  assert.equal(shared.affected(editB).size, 0);
  assert.deepEqual([...shared.affected(snapshotChanges(ws, edits[2][1]))], ['y']);
});
