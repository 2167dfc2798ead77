import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAksShowIdentities } from './aks-show';

const sampleText = readFileSync(join(__dirname, 'testdata', 'az-aks-show-sample.json'), 'utf8');
const MC = '/subscriptions/<sub>/resourcegroups/MC_rg-aks_aks-prod_westeurope/providers/Microsoft.ManagedIdentity/userAssignedIdentities';

test('reads every identity of the §2.4 sample with the right ids and paths', () => {
  const ids = readAksShowIdentities(JSON.parse(sampleText));
  const cpId = '/subscriptions/<sub>/resourcegroups/rg-aks/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-control-plane';
  assert.deepEqual(ids, [
    {
      role: 'control-plane', type: 'UserAssigned', clientId: '55555555-0000-0000-0000-000000000001',
      principalId: '55555555-0000-0000-0000-000000000002', resourceId: cpId, jsonPath: `identity.userAssignedIdentities[${JSON.stringify(cpId)}]`,
    },
    {
      role: 'kubelet', type: 'UserAssigned', clientId: '66666666-0000-0000-0000-000000000001', objectId: '66666666-0000-0000-0000-000000000002',
      resourceId: '/subscriptions/<sub>/resourcegroups/rg-aks/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-kubelet',
      jsonPath: 'identityProfile.kubeletidentity',
    },
    {
      role: 'addon:azureKeyvaultSecretsProvider', type: 'UserAssigned', clientId: '22222222-0000-0000-0000-000000000001',
      objectId: '22222222-0000-0000-0000-000000000002', resourceId: `${MC}/azurekeyvaultsecretsprovider-aks-prod`,
      jsonPath: 'addonProfiles.azureKeyvaultSecretsProvider.identity',
    },
    {
      role: 'addon:azurepolicy', type: 'UserAssigned', clientId: '33333333-0000-0000-0000-000000000001',
      objectId: '33333333-0000-0000-0000-000000000002', resourceId: `${MC}/azurepolicy-aks-prod`, jsonPath: 'addonProfiles.azurepolicy.identity',
    },
    {
      role: 'addon:ingressApplicationGateway', type: 'UserAssigned', clientId: '44444444-0000-0000-0000-000000000001',
      objectId: '44444444-0000-0000-0000-000000000002', resourceId: `${MC}/ingressapplicationgateway-aks-prod`,
      jsonPath: 'addonProfiles.ingressApplicationGateway.identity',
    },
    {
      role: 'addon:webAppRouting', type: 'UserAssigned', clientId: '77777777-0000-0000-0000-000000000001',
      objectId: '77777777-0000-0000-0000-000000000002', resourceId: `${MC}/webapprouting-aks-prod`, jsonPath: 'ingressProfile.webAppRouting.identity',
    },
  ]);
  // omsagent has identity: null (MSI auth uses the cluster identity) and servicePrincipalProfile.clientId is "msi".
  assert.ok(!ids.some((i) => i.role === 'addon:omsagent' || i.type === 'ServicePrincipal'));
});

test('accepts JSON text and odd key casing (omsAgent, IdentityProfile, KubeletIdentity)', () => {
  const doc = {
    Identity: { type: 'systemassigned', principalId: 'p-1', tenantId: 't-1' },
    IdentityProfile: { KubeletIdentity: { clientId: 'c-2', objectId: 'o-2' } },
    addonProfiles: { omsAgent: { enabled: true, identity: { clientId: 'c-3', objectId: 'o-3' } } },
  };
  assert.deepEqual(readAksShowIdentities(JSON.stringify(doc)), [
    { role: 'control-plane', type: 'SystemAssigned', principalId: 'p-1', tenantId: 't-1', jsonPath: 'Identity' },
    { role: 'kubelet', type: 'UserAssigned', clientId: 'c-2', objectId: 'o-2', jsonPath: 'IdentityProfile.KubeletIdentity' },
    { role: 'addon:omsagent', type: 'UserAssigned', clientId: 'c-3', objectId: 'o-3', jsonPath: 'addonProfiles.omsAgent.identity' },
  ]);
});

test('service-principal clusters and the ARM `properties` shape', () => {
  const arm = {
    identity: null,
    properties: {
      servicePrincipalProfile: { clientId: 'sp-client' },
      addonProfiles: { ACCSGXDevicePlugin: { identity: { clientId: 'c' } }, customThing: { identity: { objectId: 'o' } } },
    },
  };
  assert.deepEqual(readAksShowIdentities(arm), [
    { role: 'control-plane', type: 'ServicePrincipal', clientId: 'sp-client', jsonPath: 'properties.servicePrincipalProfile' },
    { role: 'addon:ACCSGXDevicePlugin', type: 'UserAssigned', clientId: 'c', jsonPath: 'properties.addonProfiles.ACCSGXDevicePlugin.identity' },
    { role: 'addon:customThing', type: 'UserAssigned', objectId: 'o', jsonPath: 'properties.addonProfiles.customThing.identity' },
  ]);
});

test('malformed input never throws and yields what can be read', () => {
  const bad: unknown[] = [
    undefined, null, 42, 'not json {', '[]', [], true,
    { identity: 'UserAssigned' },
    { identity: { type: 'UserAssigned', userAssignedIdentities: { '/x': null, '/y': 5 } } },
    { identityProfile: { kubeletidentity: [] }, addonProfiles: [1, 2], ingressProfile: { webAppRouting: null } },
    { addonProfiles: { a: null, b: { identity: 'x' }, c: { identity: { clientId: 7, objectId: '' } } } },
    { identity: { type: 'None' } },
  ];
  for (const input of bad) assert.doesNotThrow(() => readAksShowIdentities(input));
  assert.deepEqual(readAksShowIdentities('not json {'), []);
  assert.deepEqual(readAksShowIdentities({ identity: { type: 'None' } }), []);
  // Entries with unusable values keep their location but no fabricated ids.
  assert.deepEqual(readAksShowIdentities(bad[8]), [
    { role: 'control-plane', type: 'UserAssigned', resourceId: '/x', jsonPath: 'identity.userAssignedIdentities["/x"]' },
    { role: 'control-plane', type: 'UserAssigned', resourceId: '/y', jsonPath: 'identity.userAssignedIdentities["/y"]' },
  ]);
  assert.deepEqual(readAksShowIdentities(bad[10]), [{ role: 'addon:c', type: 'UserAssigned', jsonPath: 'addonProfiles.c.identity' }]);
});

test('a throwing getter does not escape', () => {
  const evil = { get identity(): unknown { throw new Error('boom'); } };
  assert.doesNotThrow(() => readAksShowIdentities(evil));
});
