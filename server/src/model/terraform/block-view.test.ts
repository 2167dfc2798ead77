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
