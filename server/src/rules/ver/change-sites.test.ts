import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelOf, rootOf } from '../../model/terraform/terraform-fixture';
import { poolsOf } from '../net/cluster-network';
import { parentsOf, sitesOf } from './change-sites';

// sitesOf/parentsOf walk nested blocks depth-first without building lists on the way: the order must stay the
// document order the breadth-by-level walk gave (all parents of one level, in order, then their children).

const r = rootOf({
  'main.tf': `
resource "azurerm_kubernetes_cluster" "c" {
  p {
    q { x = 1 }
    q { y = 2 }
  }
  p {
    q { x = 3 }
  }
  p {}
}
`,
}).resource('azurerm_kubernetes_cluster.c')!;

test('sitesOf finds every occurrence under repeated blocks, in document order', () => {
  const sites = sitesOf(r, 'p.q.x');
  const starts = sites.map((s) => (s.kind === 'attribute' ? s.attribute.expr.range.start : -1));
  assert.equal(sites.length, 2);
  assert.ok(starts[0] < starts[1], 'document order');
  assert.equal(sites[1].parent, r.blocks('p')[1].blocks('q')[0]);
  assert.ok(sites.every((s) => s.kind === 'attribute' && s.attribute.name === 'x'));
  const blocks = sitesOf(r, 'p.q');
  assert.equal(blocks.length, 3);
  assert.ok(blocks.every((s) => s.kind === 'block'));
  assert.equal(blocks[2].parent, r.blocks('p')[1], 'the third q sits in the second p');
});

test('a path that is not there gives an empty list (shared, nothing allocated)', () => {
  assert.equal(sitesOf(r, 'p.q.z').length, 0);
  assert.equal(sitesOf(r, 'nope.x'), sitesOf(r, 'p.q.z'));
});

test('parentsOf lists the blocks that would hold the last step, in order; the resource itself for a top-level name', () => {
  assert.deepEqual(parentsOf(r, 'name'), [r]);
  const ps = r.blocks('p');
  assert.deepEqual(parentsOf(r, 'p.q.x'), [...ps[0].blocks('q'), ...ps[1].blocks('q')]);
  assert.deepEqual(parentsOf(r, 'p.w'), ps);
});

test('poolsOf is made once per cluster and module list, and a new model gets new facts', () => {
  const text = 'resource "azurerm_kubernetes_cluster" "c" {\n  default_node_pool {\n    name = "sys"\n  }\n}\n';
  const model = modelOf({ 'main.tf': text });
  const cluster = model.modules[0].resource('azurerm_kubernetes_cluster.c')!;
  const pools = poolsOf(cluster, model.modules);
  assert.deepEqual(pools.map((p) => [p.name, p.isDefault]), [['sys', true]]);
  assert.equal(poolsOf(cluster, model.modules), pools);
  const next = modelOf({ 'main.tf': text.replace('sys', 'other') });
  assert.deepEqual(poolsOf(next.modules[0].resource('azurerm_kubernetes_cluster.c')!, next.modules).map((p) => p.name), ['other']);
});
