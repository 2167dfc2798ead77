import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../workspace';
import { stringOf } from './value';

// Module reuse across snapshots: a rebuild keeps the module objects (and their memoised values) of every linked
// component whose folders, var files and file() reads are unchanged, and rebuilds the rest.

const files = [
  { path: 'app/main.tf', text: 'module "net" {\n  source = "../modules/net"\n  cidr   = "10.0.0.0/8"\n}\n' },
  { path: 'modules/net/main.tf', text: 'variable "cidr" {}\noutput "cidr" {\n  value = var.cidr\n}\n' },
  { path: 'other/main.tf', text: 'locals {\n  t = file("t.txt")\n}\n' },
  { path: 'other/t.txt', text: 'one' },
];

function modulesOf(ws: Workspace): Record<string, unknown> {
  return Object.fromEntries(ws.terraform().modules.map((m) => [m.dir, m]));
}

test('an edit keeps the modules of unlinked folders and rebuilds the linked ones', () => {
  const ws = Workspace.create(files);
  const before = modulesOf(ws);
  const next = ws.withFile('modules/net/main.tf', 'variable "cidr" {}\noutput "cidr" {\n  value = "x${var.cidr}"\n}\n');
  const after = modulesOf(next);
  assert.equal(after.other, before.other, 'unlinked folder: same module object');
  assert.notEqual(after['modules/net'], before['modules/net'], 'edited folder: rebuilt');
  assert.notEqual(after.app, before.app, 'its caller is linked: rebuilt too');
  const app = next.terraform().module('app')!;
  assert.equal(app.moduleCalls[0].child, next.terraform().module('modules/net'), 'links point into the new build');
  assert.deepEqual(stringOf(next.terraform().module('modules/net')!.outputValue('cidr')), 'x10.0.0.0/8');
  assert.deepEqual(next.terraform().roots.map((m) => m.dir), ['app', 'other']);
});

test('a changed file() read rebuilds only the component that read it, and the new build keeps recording reads', () => {
  const ws = Workspace.create(files);
  assert.equal(stringOf(ws.terraform().module('other')!.localValue('t')), 'one');
  const app = ws.terraform().module('app');
  const changed = ws.withFile('other/t.txt', 'two');
  assert.equal(stringOf(changed.terraform().module('other')!.localValue('t')), 'two');
  assert.equal(changed.terraform().module('app'), app, 'the other component did not read it');
  assert.deepEqual(changed.terraformReads(), ['other/t.txt']);
  // a reused module's read stays an input of later builds: editing app/ keeps `other`, then t.txt changes again
  const edited = changed.withFile('app/main.tf', `${files[0].text}\n`);
  assert.equal(edited.terraform().module('other'), changed.terraform().module('other'));
  assert.deepEqual(edited.terraformReads(), ['other/t.txt']);
  assert.equal(stringOf(edited.withFile('other/t.txt', 'three').terraform().module('other')!.localValue('t')), 'three');
});

test('a module source that needs evaluation makes the whole model one unit', () => {
  const dynamic = [...files, { path: 'dyn/main.tf', text: 'locals {\n  p = "../other"\n}\nmodule "o" {\n  source = local.p\n}\n' }];
  const ws = Workspace.create(dynamic);
  const before = modulesOf(ws);
  const after = modulesOf(ws.withFile('modules/net/main.tf', 'variable "cidr" {}\n'));
  assert.notEqual(after.other, before.other);
  assert.notEqual(after.app, before.app);
});
