import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverAuthorization } from './authorization';

const TEXT = `resource "azurerm_kubernetes_cluster" "aks" {
  local_account_disabled = true
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
`;
const ws = Workspace.create([{ path: 'aks.tf', text: TEXT }]);

test('azure_rbac_enabled explains both authorization models and ends with the source', () => {
  const h = hoverAuthorization(ws, 'aks.tf', TEXT.indexOf('azure_rbac_enabled') + 3)!;
  assert.match(h.markdown, /Azure Kubernetes Service RBAC Reader\/Writer\/Admin\/Cluster Admin/);
  assert.match(h.markdown.split('\n').pop()!, /^Source: .*concepts-cluster-authorization\.md$/);
  assert.equal(TEXT.slice(h.range.start, h.range.end), 'azure_rbac_enabled');
});

test('local_account_disabled hover; nothing on values or elsewhere', () => {
  assert.match(hoverAuthorization(ws, 'aks.tf', TEXT.indexOf('local_account_disabled'))!.markdown, /admin_group_object_ids/);
  assert.equal(hoverAuthorization(ws, 'aks.tf', TEXT.indexOf('true')), undefined);
  assert.equal(hoverAuthorization(ws, 'other.tf', TEXT.indexOf('local_account_disabled')), undefined);
});
