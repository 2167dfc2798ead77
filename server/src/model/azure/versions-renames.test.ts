import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATTRIBUTE_CHANGES, attributeChangesFor, findAttributeChange, oldPathStatus } from './attribute-renames';
import { compareVersions, majorFromConstraint, majorFromLockVersion, parseVersion } from './versions';
import { isPastRetirement, retirement, RETIREMENTS } from './retirements';

test('every change has a parseable version, a path, advice and a source; no duplicates', () => {
  const seen = new Set<string>();
  for (const c of ATTRIBUTE_CHANGES) {
    assert.ok(parseVersion(c.changedIn), `${c.oldPath}: bad changedIn`);
    if (c.removedIn) assert.equal(compareVersions(c.removedIn, c.changedIn), 1, `${c.oldPath}: removedIn before changedIn`);
    assert.ok(c.oldPath || c.newPath);
    assert.ok(c.advice && c.source);
    if (c.fix === 'rename') assert.ok(c.newPath, `${c.oldPath}: rename without newPath`);
    const key = `${c.resource} ${c.oldPath ?? c.newPath} ${c.kind}`;
    assert.ok(!seen.has(key), `duplicate ${key}`);
    seen.add(key);
  }
});

test('lookups and status per pinned version', () => {
  const eas = findAttributeChange('azurerm_kubernetes_cluster', 'default_node_pool.enable_auto_scaling');
  assert.equal(eas?.newPath, 'default_node_pool.auto_scaling_enabled');
  assert.equal(eas?.advice, 'enable_auto_scaling was renamed to auto_scaling_enabled in azurerm 4.0.');
  assert.equal(oldPathStatus(eas!, '3.117.1'), 'accepted');
  assert.equal(oldPathStatus(eas!, '4.0.0'), 'rejected');
  assert.equal(oldPathStatus(eas!, undefined), 'unknown');
  const parent = findAttributeChange('azurerm_federated_identity_credential', 'parent_id')!;
  assert.equal(oldPathStatus(parent, '4.64.0'), 'accepted');
  assert.equal(oldPathStatus(parent, '4.65.0'), 'deprecated');
  assert.equal(oldPathStatus(parent, '5.2.0'), 'rejected');
  assert.equal(findAttributeChange('azurerm_kubernetes_cluster_node_pool', 'enable_host_encryption')?.newPath, 'host_encryption_enabled');
  assert.equal(findAttributeChange('azurerm_kubernetes_cluster', 'oidc_issuer_enabled'), undefined); // default change, not a removal
  assert.ok(attributeChangesFor('azurerm_kubernetes_cluster').length > 25);
});

test('version parsing and §1.4 constraint reading', () => {
  assert.deepEqual(parseVersion('v4.57'), [4, 57, 0]);
  assert.equal(parseVersion('latest'), undefined);
  assert.equal(majorFromLockVersion('4.57.0'), 4);
  assert.equal(majorFromConstraint('~> 4.0'), 4);
  assert.equal(majorFromConstraint('~>3.117.1'), 3);
  assert.equal(majorFromConstraint('= 5.2.0'), 5);
  assert.equal(majorFromConstraint('4.1.0'), 4);
  assert.equal(majorFromConstraint('>= 4.0, < 5.0'), 4);
  assert.equal(majorFromConstraint('>= 3.0'), undefined);
  assert.equal(majorFromConstraint('~> 4'), undefined);
  assert.equal(majorFromConstraint('>= 3.0, < 5.0'), undefined);
  assert.equal(majorFromConstraint('whatever'), undefined);
});

test('retirements: unique ids, dated entries compare against a given day', () => {
  assert.equal(new Set(RETIREMENTS.map((r) => r.id)).size, RETIREMENTS.length);
  const kubenet = retirement('kubenet')!;
  assert.equal(isPastRetirement(kubenet, '2028-03-30'), false);
  assert.equal(isPastRetirement(kubenet, '2028-03-31'), true);
  assert.equal(isPastRetirement(retirement('app-routing-nginx')!, '2026-11-30'), true);
  assert.equal(isPastRetirement(retirement('app-routing-nginx')!, '2026-11-29'), false);
  assert.equal(isPastRetirement(retirement('windows2019-os-sku')!, '2030-01-01'), undefined);
});
