import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import type { CheckContext } from '../rules/kit/define-rule';
import type { Dependencies } from './tracked-context';
import { recordUnit } from './unit-fixture';

// The cached form of a unit's inputs: compact (no Sets kept), and its key changes exactly when a recorded input does.

const ws = Workspace.create([
  { path: 'a/main.tf', text: 'resource "x" "a" {}\n' },
  { path: 'a/vars.tf', text: 'variable "v" {}\n' },
  { path: 'b/main.tf', text: 'resource "x" "b" {}\n' },
  { path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' },
]);

function record(read: (ctx: CheckContext) => void, file?: string): Dependencies {
  return recordUnit(ws, read, { file });
}

test('a unit that read only its own file is keyed by that file hash', () => {
  const deps = record((ctx) => void ctx.hcl('a/main.tf'), 'a/main.tf');
  assert.equal(deps.key(ws), ws.file('a/main.tf')!.hash);
  assert.equal(deps.key(ws.withFile('b/main.tf', 'resource "x" "c" {}\n')), ws.file('a/main.tf')!.hash, 'another file changed');
  assert.notEqual(deps.key(ws.withFile('a/main.tf', 'resource "x" "c" {}\n')), deps.key(ws));
});

test('a unit that read its file and its module changes key for that module only', () => {
  const deps = record((ctx) => void ctx.terraformModuleOf('a/main.tf'), 'a/main.tf');
  const key = deps.key(ws);
  assert.equal(deps.key(ws.withFile('b/main.tf', 'resource "x" "c" {}\n')), key, 'edit in another module');
  assert.equal(deps.key(ws.withFile('k8s/cm.yaml', 'a: 1\n')), key, 'YAML edit');
  assert.notEqual(deps.key(ws.withFile('a/vars.tf', 'variable "w" {}\n')), key, 'edit in the same module');
});

test('several files and kind groups are all replayed', () => {
  const deps = record((ctx) => {
    ctx.getFile('a/main.tf');
    ctx.getFile('b/main.tf');
    ctx.getFile('a/main.tf'); // read twice, recorded once
    ctx.k8sObjects();
  });
  const key = deps.key(ws);
  assert.equal(deps.key(ws.withFile('a/vars.tf', 'variable "w" {}\n')), key, 'an unread file');
  for (const p of ['a/main.tf', 'b/main.tf']) assert.notEqual(deps.key(ws.withFile(p, '# changed\n')), key, p);
  assert.notEqual(deps.key(ws.withFile('k8s/other.yaml', 'a: 1\n')), key, 'the YAML group');
});

test('reading the whole workspace keys on its hash', () => {
  const deps = record((ctx) => void ctx.workspace);
  assert.equal(deps.key(ws), `all:${ws.hash}`);
  assert.notEqual(deps.key(ws.withFile('a/vars.tf', '')), deps.key(ws));
});

test('the cached form keeps no Set or Map (tens of thousands are kept)', () => {
  const many = record((ctx) => {
    ctx.getFile('a/main.tf');
    ctx.getFile('b/main.tf');
    ctx.terraformModuleOf('a/main.tf');
    ctx.terraformModuleOf('b/main.tf');
    ctx.k8sObjects();
  });
  for (const deps of [many, record((ctx) => void ctx.terraformModuleOf('a/main.tf'), 'a/main.tf')]) {
    for (const value of Object.values(deps)) assert.ok(!(value instanceof Set) && !(value instanceof Map), String(value));
  }
});
