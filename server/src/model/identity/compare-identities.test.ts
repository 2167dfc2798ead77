import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../workspace';
import { compareIdentities, identitiesFromAksShow } from './compare-identities';
import { identitiesOf } from './identity-model';

const sample = readFileSync(join(__dirname, '..', 'azure', 'testdata', 'az-aks-show-sample.json'), 'utf8');

test('reads the §2.4 az aks show sample into the declared shape', () => {
  const actual = identitiesFromAksShow(sample);
  assert.deepEqual(actual.identities.map((i) => `${i.role}:${i.type}`), [
    'control-plane:user-assigned',
    'kubelet:user-assigned',
    'addon:azureKeyvaultSecretsProvider:user-assigned',
    'addon:azurepolicy:user-assigned',
    'addon:ingressApplicationGateway:user-assigned',
    'addon:webAppRouting:user-assigned',
  ]);
  const kubelet = actual.identities[1];
  assert.equal(kubelet.resource?.name, 'id-aks-kubelet');
  assert.deepEqual(kubelet.actual, {
    clientId: '66666666-0000-0000-0000-000000000001',
    principalId: '66666666-0000-0000-0000-000000000002',
    resourceId: '/subscriptions/<sub>/resourcegroups/rg-aks/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-kubelet',
  });
  assert.equal(actual.identities[0].resource?.name, 'id-aks-control-plane');
  assert.deepEqual(JSON.parse(JSON.stringify(actual)), actual);
  assert.deepEqual(identitiesFromAksShow('not json').identities, []);
});

test('compares declared and actual identities by role', () => {
  const ws = Workspace.create([{ path: 'main.tf', text: `
resource "azurerm_user_assigned_identity" "cp" {
  name                = "id-aks-control-plane"
  resource_group_name = "rg-aks"
  location            = "westeurope"
}
resource "azurerm_user_assigned_identity" "kubelet" {
  name                = "id-nodes"
  resource_group_name = "rg-aks"
  location            = "westeurope"
}
resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks-prod"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cp.id]
  }
  kubelet_identity {
    client_id                 = azurerm_user_assigned_identity.kubelet.client_id
    object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
    user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
  }
  oms_agent {
    log_analytics_workspace_id      = "law"
    msi_auth_for_monitoring_enabled = true
  }
}` }]);
  const declared = identitiesOf(ws).clusters[0];
  const result = compareIdentities(declared, identitiesFromAksShow(sample));
  assert.equal(result.v, 1);
  const rows = new Map(result.rows.map((r) => [r.role, r]));
  assert.equal(rows.get('control-plane')?.status, 'match');
  assert.equal(rows.get('kubelet')?.status, 'differs');
  assert.deepEqual(rows.get('kubelet')?.notes, ['Declared identity "id-nodes", the cluster uses "id-aks-kubelet".']);
  assert.equal(rows.get('addon:omsagent')?.status, 'declaredOnly');
  assert.match(rows.get('addon:omsagent')!.notes[0], /useAADAuth/);
  assert.equal(rows.get('addon:azurepolicy')?.status, 'actualOnly');
  assert.equal(rows.get('addon:azurepolicy')?.actual?.principalId, '33333333-0000-0000-0000-000000000002');
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
});

test('a system-assigned declaration against a user-assigned cluster differs', () => {
  const ws = Workspace.create([{ path: 'main.tf', text: `
resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks-prod"
  identity {
    type = "SystemAssigned"
  }
}` }]);
  const rows = compareIdentities(identitiesOf(ws).clusters[0], identitiesFromAksShow(sample)).rows;
  assert.deepEqual(rows[0].notes, ['Declared system-assigned, the cluster reports user-assigned.']);
  assert.equal(rows[0].status, 'differs');
});
