import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addonKeyEquals, AZURERM_ADDON_KEYS, canonicalAddonKey, EXPORTED_ONLY_IDENTITY_BLOCKS, IDENTITY_MAP, identityByExportedBlock, identityMapEntry,
} from './identity-map';
import { findRoleByName } from './roles';
import { settingByTerraformPath, CLUSTER_SETTING_SPELLINGS } from './cluster-settings-map';

test('every entry is unique, sourced, and names only real roles', () => {
  assert.equal(new Set(IDENTITY_MAP.map((e) => e.key)).size, IDENTITY_MAP.length);
  for (const e of IDENTITY_MAP) {
    assert.ok(e.sources.length > 0 && e.represents.length > 0, e.key);
    for (const r of e.typicalRoles) assert.ok(findRoleByName(r.role), `${e.key}: unknown role ${r.role}`);
    if (e.addonKey) assert.equal(canonicalAddonKey(e.addonKey), e.addonKey);
  }
});

test('add-on keys compare case-insensitively (omsagent / omsAgent)', () => {
  assert.ok(addonKeyEquals('omsAgent', 'omsagent'));
  assert.equal(canonicalAddonKey('OMSAGENT'), 'omsagent');
  assert.equal(canonicalAddonKey('azureKeyVaultSecretsProvider'), 'azureKeyvaultSecretsProvider');
  assert.equal(canonicalAddonKey('nope'), undefined);
  assert.equal(AZURERM_ADDON_KEYS.length, 8);
});

test('lookups by key and by exported block', () => {
  assert.equal(identityMapEntry('kubelet')?.terraformIds.objectId, 'kubelet_identity[0].object_id');
  assert.equal(identityMapEntry('addon:azurepolicy')?.byoSupported, false);
  assert.equal(identityByExportedBlock('secret_identity')?.key, 'addon:azureKeyvaultSecretsProvider');
  assert.equal(identityByExportedBlock('kubelet_identity')?.key, 'kubelet');
  assert.equal(identityByExportedBlock('identity')?.key, 'control-plane');
  assert.equal(identityByExportedBlock('nothing'), undefined);
  for (const b of EXPORTED_ONLY_IDENTITY_BLOCKS) assert.equal(identityByExportedBlock(b.block)?.terraformIds.block, `${b.parent}[0].${b.block}[0]`);
});

test('UNVERIFIED facts are carried as flags', () => {
  assert.ok(identityMapEntry('addon:webAppRouting')?.unverified?.some((u) => u.includes('name')));
  assert.ok(settingByTerraformPath('private_cluster_public_fqdn_enabled')?.unverified);
  assert.equal(settingByTerraformPath('network_profile.dns_service_ip')?.arm, 'networkProfile.dnsServiceIP');
  assert.equal(new Set(CLUSTER_SETTING_SPELLINGS.map((s) => s.terraform)).size, CLUSTER_SETTING_SPELLINGS.length);
});
