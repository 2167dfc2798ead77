import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompareIdentitiesResult, IdentitiesResult } from '../../server/src/lsp/protocol';
import { repoRoot, uriOf } from './lsp-test-client';
import { withServer } from './lsp-test-helpers';

// aksLint/identities, aksLint/identitiesChanged and aksLint/compareIdentities against the real server and model.

const MAIN_TF = readFileSync(resolve(repoRoot, 'test/lsp/fixtures/identities/main.tf'), 'utf8');
const OPERATOR = `
resource "azurerm_role_assignment" "operator" {
  scope                = azurerm_user_assigned_identity.kubelet.id
  role_definition_name = "Managed Identity Operator"
  principal_id         = azurerm_user_assigned_identity.cp.principal_id
}
`;

test('identities: versioned model with URIs and positions; a change is announced and re-read', () =>
  withServer({ files: { 'main.tf': MAIN_TF } }, async (client, ws) => {
    await client.waitForNotification('aksLint/identitiesChanged');
    const uri = uriOf(ws.path('main.tf'));
    const first = await client.request<IdentitiesResult>('aksLint/identities', {});
    assert.equal(first.v, 1);
    assert.equal(first.available, true);
    const [cluster] = first.clusters;
    assert.equal(cluster.name, 'aks-prod');
    assert.deepEqual(cluster.location?.range.start, { line: 12, character: 0 });
    assert.deepEqual(cluster.identities.map((i) => [i.kind, i.origin, i.type]), [
      ['controlPlane', 'byo', 'user-assigned'],
      ['kubelet', 'byo', 'user-assigned'],
    ]);
    const [cp, kubelet] = cluster.identities;
    assert.deepEqual(cp.missingRoles.map((m) => [m.role, m.code, m.location?.uri]), [['Managed Identity Operator', 'AKS-RA-004', uri]]);
    assert.match(cp.missingRoles[0].fixSnippet ?? '', /role_definition_name = "Managed Identity Operator"/);
    assert.deepEqual(kubelet.roleAssignments.map((r) => [r.role, r.address, r.location?.range.start.line]), [['AcrPull', 'azurerm_role_assignment.pull', 43]]);
    assert.deepEqual((await client.request<IdentitiesResult>('aksLint/identities', { uri: uriOf(ws.path('other.tf')) })).clusters, []);

    const changed = client.waitForNotification('aksLint/identitiesChanged');
    await client.open(uri, 'terraform', MAIN_TF + OPERATOR);
    await changed;
    const after = await client.request<IdentitiesResult>('aksLint/identities', { uri });
    assert.deepEqual(after.clusters[0].identities[0].missingRoles, []);
    assert.deepEqual(after.clusters[0].identities[0].roleAssignments.map((r) => r.role), ['Managed Identity Operator']);
  }));

test('compareIdentities: declared vs az aks show output, and clear errors for bad input', () =>
  withServer({ files: { 'main.tf': MAIN_TF } }, async (client) => {
    await client.waitForNotification('aksLint/identitiesChanged');
    const { clusters } = await client.request<IdentitiesResult>('aksLint/identities', {});
    const az = {
      name: 'aks-prod',
      identity: { type: 'UserAssigned', userAssignedIdentities: { '/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-cp': { clientId: 'c1', principalId: 'p1' } } },
      identityProfile: { kubeletidentity: { clientId: 'c2', objectId: 'o2', resourceId: '/subscriptions/s/resourcegroups/MC_rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-prod-agentpool' } },
      addonProfiles: { azurepolicy: { enabled: true, identity: { clientId: 'c3', objectId: 'o3', resourceId: '/x/userAssignedIdentities/azurepolicy-aks-prod' } } },
    };
    const params = { v: 1, clusterId: clusters[0].id, azAksShowJson: JSON.stringify(az) };
    const result = await client.request<CompareIdentitiesResult>('aksLint/compareIdentities', params);
    assert.equal(result.error, undefined);
    assert.deepEqual(result.rows.map((r) => [r.role, r.status]), [
      ['control-plane', 'match'],
      ['kubelet', 'differs'],
      ['addon:azurepolicy', 'actualOnly'],
    ]);
    assert.match(result.rows[1].notes.join(' '), /id-aks-kubelet.*aks-prod-agentpool/);
    const bad = await client.request<CompareIdentitiesResult>('aksLint/compareIdentities', { ...params, azAksShowJson: 'not json' });
    assert.match(bad.error ?? '', /no identities found/);
    const unknown = await client.request<CompareIdentitiesResult>('aksLint/compareIdentities', { ...params, clusterId: 'nope' });
    assert.match(unknown.error ?? '', /no cluster nope/);
  }));
