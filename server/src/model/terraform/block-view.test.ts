import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rootOf } from './terraform-fixture';
import { toJs } from './value';

// Attribute lookup over a block's body: views are made on demand and kept, so values are evaluated once.

const m = rootOf({
  'main.tf': `
locals {
  base = "aks"
}
resource "azurerm_kubernetes_cluster" "c" {
  name       = "\${local.base}-1"
  dns_prefix = local.base
  default_node_pool {
    name       = "system"
    node_count = 3
  }
  location = "westeurope"
}
`,
});
const cluster = m.resource('azurerm_kubernetes_cluster.c')!;

test('attribute() finds arguments by name, after nested blocks too, and nothing for blocks or unknown names', () => {
  assert.equal(toJs(cluster.attribute('name')!.value), 'aks-1');
  assert.equal(toJs(cluster.attribute('location')!.value), 'westeurope');
  assert.equal(cluster.attribute('default_node_pool'), undefined, 'a block is not an attribute');
  assert.equal(cluster.attribute('missing'), undefined);
  assert.equal(toJs(cluster.attr('default_node_pool.node_count')!.value), 3);
});

test('the same view (and its evaluated value) is returned on every lookup', () => {
  const a = cluster.attribute('dns_prefix')!;
  assert.equal(cluster.attribute('dns_prefix'), a);
  assert.equal(a.value, a.value, 'value evaluated once and kept');
  assert.ok(cluster.attributes().includes(a), 'attributes() shares the views');
});

test('attributes() lists arguments in source order, first definition of a name only', () => {
  assert.deepEqual(cluster.attributes().map((a) => a.name), ['name', 'dns_prefix', 'location']);
  const dup = rootOf({ 'main.tf': 'resource "x" "y" {\n  a = 1\n  b = 2\n  a = 3\n}\n' }).resource('x.y')!;
  assert.deepEqual(dup.attributes().map((a) => [a.name, toJs(a.value)]), [['a', 1], ['b', 2]]);
  assert.equal(toJs(dup.attribute('a')!.value), 1, 'first definition wins');
});

test('blocks(type) and block(type) keep source order; a type the body lacks gives one shared empty list', () => {
  const r = rootOf({
    'main.tf': 'resource "x" "y" {\n  a { n = 1 }\n  b { n = 2 }\n  a { n = 3 }\n  dynamic "c" {\n    for_each = []\n  }\n}\n',
  }).resource('x.y')!;
  assert.deepEqual(r.blocks('a').map((b) => toJs(b.attribute('n')!.value)), [1, 3]);
  assert.equal(toJs(r.block('a')!.attribute('n')!.value), 1, 'block() is the first of its type');
  assert.equal(toJs(r.block('b')!.attribute('n')!.value), 2);
  assert.equal(r.block('missing'), undefined);
  assert.equal(r.blocks('missing').length, 0);
  assert.equal(r.blocks('missing'), r.blocks('other'), 'misses share one empty list (nothing allocated per probe)');
  assert.ok(r.hasDynamic('c'));
  assert.ok(!r.hasDynamic('a'));
  const only = r.block('b')!;
  assert.equal(only.blocks('a'), only.blocks('a'));
  assert.deepEqual(r.labels, ['x', 'y']);
  assert.equal(r.labels, r.labels, 'labels are read from the node once');
});

test('a resource works out its address and isCollection once', () => {
  const mod = rootOf({ 'main.tf': 'resource "x" "one" {}\nresource "x" "many" {\n  count = 2\n}\ndata "x" "d" {}\n' });
  const one = mod.resource('x.one')!;
  assert.equal(one.address, 'x.one');
  assert.equal(one.address, one.address);
  assert.equal(one.isCollection, false);
  assert.equal(mod.resource('x.many')!.isCollection, true);
  assert.equal(mod.resource('data.x.d')!.address, 'data.x.d');
});
