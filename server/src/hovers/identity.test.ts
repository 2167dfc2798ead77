import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverIdentity } from './identity';

const text = `
resource "azurerm_user_assigned_identity" "cp" {
  name                = "id-aks"
  resource_group_name = "rg-aks"
  location            = "westeurope"
}

locals {
  kubelet_principal = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
}

resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks-prod"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cp.id]
  }
  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }
}

resource "azurerm_role_assignment" "pull" {
  scope                = "/subscriptions/0/resourceGroups/rg-acr"
  role_definition_name = "AcrPull"
  principal_id         = local.kubelet_principal
}

resource "azurerm_role_assignment" "net" {
  scope                = "/subscriptions/0/resourceGroups/rg-net"
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
}

output "cp_client" {
  value = azurerm_user_assigned_identity.cp.client_id
}
`;
const ws = Workspace.create([{ path: 'main.tf', text }]);
const at = (needle: string, from = 0) => text.indexOf(needle, from) + 2;

test('hover on an identity block explains the identity, BYO options and az aks show path', () => {
  const h = hoverIdentity(ws, 'main.tf', at('identity {'))!;
  assert.match(h.markdown, /^\*\*Cluster \/ control-plane identity\*\* of cluster `azurerm_kubernetes_cluster.aks`/);
  assert.match(h.markdown, /`az aks show`: `identity\.\{type,principalId,tenantId\}/);
  assert.match(h.markdown, /Bring your own identity: supported/);
  assert.match(h.markdown, /\nSource: /);
  assert.equal(text.slice(h.range.start, h.range.end), 'identity');
  const addon = hoverIdentity(ws, 'main.tf', at('key_vault_secrets_provider'))!;
  assert.match(addon.markdown, /Key Vault Secrets Store CSI add-on/);
  assert.match(addon.markdown, /not supported \(AKS creates it\)/);
});

test('hover on a principal expression says which identity it really is, through a local', () => {
  const h = hoverIdentity(ws, 'main.tf', at('local.kubelet_principal'))!;
  assert.match(h.markdown, /This is the \*\*kubelet \(agent pool\) identity\*\* of cluster "aks-prod": its principal \(object\) ID/);
  assert.equal(text.slice(h.range.start, h.range.end), 'local.kubelet_principal');
  const cp = hoverIdentity(ws, 'main.tf', at('azurerm_kubernetes_cluster.aks.identity[0].principal_id'))!;
  assert.match(cp.markdown, /cluster \/ control-plane identity/);
  assert.match(cp.markdown, /identity\[0\]\.principal_id` is empty/);
  const client = hoverIdentity(ws, 'main.tf', at('azurerm_user_assigned_identity.cp.client_id'))!;
  assert.match(client.markdown, /client \(application\) ID — not valid as a role assignment principal_id/);
});

test('no hover elsewhere', () => {
  assert.equal(hoverIdentity(ws, 'main.tf', at('"AcrPull"')), undefined);
  assert.equal(hoverIdentity(ws, 'main.tf', at('rg-aks')), undefined);
  assert.equal(hoverIdentity(ws, 'other.tf', 5), undefined);
});
