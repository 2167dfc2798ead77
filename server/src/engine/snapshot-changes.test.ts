import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import type { CheckContext } from '../rules/kit/define-rule';
import { snapshotChanges } from './snapshot-changes';
import type { Dependencies } from './tracked-context';
import { recordUnit } from './unit-fixture';
import { UnitIndex } from './unit-index';

// A cached unit may skip computing its key only when none of its inputs is among the changes: for every edit below,
// the unit index must name a unit whenever its key really changed.

const ws = Workspace.create([
  { path: 'a/main.tf', text: 'module "c" {\n  source = "../c"\n}\n' },
  { path: 'b/main.tf', text: 'resource "x" "b" {}\n' },
  { path: 'c/main.tf', text: 'resource "x" "c" {}\n' },
  { path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' },
]);

function record(read: (ctx: CheckContext) => void, file?: string): Dependencies {
  return recordUnit(ws, read, { file, keyed: true });
}

/** Whether the index would visit this one unit after `changes`. */
function mayChange(deps: Dependencies, changes: ReturnType<typeof snapshotChanges>): boolean {
  const index = new UnitIndex();
  index.set('unit', deps);
  return index.affected(changes).has('unit');
}

const units = {
  ownFile: record((ctx) => void ctx.hcl('b/main.tf'), 'b/main.tf'),
  moduleA: record((ctx) => void ctx.terraformModuleOf('a/main.tf'), 'a/main.tf'),
  moduleB: record((ctx) => void ctx.terraformModuleOf('b/main.tf'), 'b/main.tf'),
  wholeModel: record((ctx) => void ctx.terraform()),
  allYaml: record((ctx) => void ctx.k8sObjects()),
  everything: record((ctx) => void ctx.workspace),
};

const edits: [string, Workspace][] = [
  ['edit in the linked child module c', ws.withFile('c/main.tf', 'resource "x" "c2" {}\n')],
  ['edit in module b', ws.withFile('b/main.tf', 'resource "x" "b2" {}\n')],
  ['YAML edit', ws.withFile('k8s/cm.yaml', 'a: 1\n')],
  ['b relinked to c by a new module call', ws.withFile('b/main.tf', 'module "c" {\n  source = "../c"\n}\n')],
  ['new file', ws.withFile('d/main.tf', 'resource "x" "d" {}\n')],
  ['deleted file', ws.withoutFile('c/main.tf')],
  ['configuration', ws.withConfig({ file: '.aks-lint.yaml', text: 'rules:\n  AKS-ID-001: off\n' })],
];

test('a unit is visited whenever a unit key changed, for every kind of edit', () => {
  for (const [what, next] of edits) {
    const changes = snapshotChanges(ws, next);
    for (const [name, deps] of Object.entries(units)) {
      const keyChanged = deps.key(next) !== deps.key(ws);
      if (keyChanged) assert.ok(mayChange(deps, changes), `${name} after ${what}`);
    }
  }
});

test('units whose inputs did not change skip their key', () => {
  const yamlEdit = snapshotChanges(ws, edits[2][1]);
  assert.equal(mayChange(units.ownFile, yamlEdit), false);
  assert.equal(mayChange(units.moduleA, yamlEdit), false);
  assert.equal(mayChange(units.allYaml, yamlEdit), true);
  const editB = snapshotChanges(ws, edits[1][1]);
  assert.equal(mayChange(units.moduleA, editB), false, 'module a is not linked to b');
  assert.equal(mayChange(units.moduleB, editB), true);
  assert.equal(mayChange(units.wholeModel, editB), true);
  assert.equal(mayChange(units.allYaml, editB), false);
});

test('snapshotChanges lists changed, added and removed paths with their kinds', () => {
  const next = ws.withFile('b/main.tf', 'x {}\n').withoutFile('k8s/cm.yaml').withFile('n/new.tf', '');
  const c = snapshotChanges(ws, next);
  assert.deepEqual([...c.paths].sort(), ['b/main.tf', 'k8s/cm.yaml', 'n/new.tf']);
  assert.deepEqual([...c.kinds].sort(), ['terraform', 'yaml']);
  assert.equal(c.config, false);
  assert.equal(snapshotChanges(ws, ws).paths.size, 0);
});
