import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdedAttribute, readdedStatus, READDED_ATTRIBUTES } from './attribute-readded';
import { findAttributeChange } from './attribute-renames';

test('re-added arguments are removals of the §2.2 table', () => {
  for (const r of READDED_ATTRIBUTES) assert.equal(findAttributeChange(r.resource, r.path)?.kind, 'removed', r.path);
});

test('status per exact version', () => {
  const ca = readdedAttribute('azurerm_kubernetes_cluster', 'custom_ca_trust_certificates_base64')!;
  assert.equal(readdedStatus(ca, '4.35.0'), 'absent');
  assert.equal(readdedStatus(ca, '4.36.0'), 'present');
  assert.equal(readdedStatus(ca, undefined), 'unknown');
  const subnet = readdedAttribute('azurerm_kubernetes_cluster', 'api_server_access_profile.subnet_id')!;
  assert.equal(readdedStatus(subnet, '4.50.0'), 'unknown');
  assert.equal(readdedStatus(subnet, '4.81.0'), 'present');
  assert.equal(readdedAttribute('azurerm_kubernetes_cluster', 'message_of_the_day'), undefined);
});
