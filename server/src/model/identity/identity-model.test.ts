import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../workspace';
import { identitiesOf } from './identity-model';
import type { ClusterIdentities, IdentityEntry } from './identity-types';

const ws = (files: Record<string, string>) => Workspace.create(Object.entries(files).map(([path, text]) => ({ path, text })));
const byRole = (c: ClusterIdentities, role: string): IdentityEntry | undefined => c.identities.find((i) => i.role === role);

const POOL = `
  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D4s_v5"
    node_count     = 3
    vnet_subnet_id = azurerm_subnet.aks.id
  }`;
const SUBNET = `
resource "azurerm_subnet" "aks" {
  name                 = "snet-aks"
  resource_group_name  = "rg-net"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.1.0.0/22"]
}`;
const uai = (name: string) => `
resource "azurerm_user_assigned_identity" "${name}" {
  name                = "id-${name}"
  resource_group_name = "rg-aks"
  location            = "westeurope"
}`;

test('system-assigned cluster: control plane, AKS-created kubelet, add-ons, and the missing Network Contributor', () => {
  const model = identitiesOf(ws({
    'main.tf': `${SUBNET}
resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks-prod"
  ${POOL}
  identity {
    type = "SystemAssigned"
  }
  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }
  azure_policy_enabled = true
}
resource "azurerm_role_assignment" "pull" {
  scope                = "/subscriptions/0/resourceGroups/rg-acr"
  role_definition_name = "AcrPull"
  principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
}`,
  }));
  assert.equal(model.v, 1);
  assert.equal(model.clusters.length, 1);
  const c = model.clusters[0];
  assert.equal(c.name, 'aks-prod');
  assert.deepEqual(c.identities.map((i) => `${i.role}:${i.type}:${i.byo}`), [
    'control-plane:system-assigned:false',
    'kubelet:user-assigned:false',
    'addon:azureKeyvaultSecretsProvider:user-assigned:false',
    'addon:azurepolicy:user-assigned:false',
  ]);
  const cp = byRole(c, 'control-plane')!;
  assert.equal(cp.principalExpression, 'azurerm_kubernetes_cluster.aks.identity[0].principal_id');
  assert.equal(cp.azAksShowPath.startsWith('identity.'), true);
  assert.deepEqual(cp.neededRoles.map((r) => [r.code, r.role, r.scope]), [['AKS-RA-003', 'Network Contributor', 'azurerm_subnet.aks']]);
  assert.match(cp.neededRoles[0].fix!.snippet, /principal_id {9}= azurerm_kubernetes_cluster\.aks\.identity\[0\]\.principal_id/);
  const kubelet = byRole(c, 'kubelet')!;
  assert.equal(kubelet.principalExpression, 'azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id');
  assert.equal(kubelet.azAksShowPath, 'identityProfile.kubeletidentity.{clientId,objectId,resourceId}');
  assert.deepEqual(kubelet.roleAssignments.map((r) => [r.role, r.scope, r.address]), [['AcrPull', '"/subscriptions/0/resourceGroups/rg-acr"', 'azurerm_role_assignment.pull']]);
  assert.equal(byRole(c, 'addon:azureKeyvaultSecretsProvider')!.principalExpression, 'azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id');
  // plain data: survives a JSON round trip unchanged
  assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
});

test('user-assigned identities resolved through a module output, variables and locals; roles found and missing', () => {
  const model = identitiesOf(ws({
    'main.tf': `${SUBNET}
module "ids" {
  source = "./ids"
}
locals {
  cp = module.ids.control_plane
}
module "aks" {
  source        = "./aks"
  subnet_id     = azurerm_subnet.aks.id
  identity_id   = local.cp.id
  kubelet       = module.ids.kubelet
}
resource "azurerm_role_assignment" "net" {
  scope                = azurerm_subnet.aks.id
  role_definition_name = "Network Contributor"
  principal_id         = local.cp.principal_id
}`,
    'ids/main.tf': `${uai('cp')}${uai('kubelet')}
output "control_plane" {
  value = azurerm_user_assigned_identity.cp
}
output "kubelet" {
  value = azurerm_user_assigned_identity.kubelet
}`,
    'aks/main.tf': `
variable "subnet_id" {}
variable "identity_id" {}
variable "kubelet" {}
resource "azurerm_kubernetes_cluster" "this" {
  name = "aks-mod"
  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D4s_v5"
    node_count     = 3
    vnet_subnet_id = var.subnet_id
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }
  kubelet_identity {
    client_id                 = var.kubelet.client_id
    object_id                 = var.kubelet.principal_id
    user_assigned_identity_id = var.kubelet.id
  }
}`,
  }));
  const c = model.clusters.find((x) => x.name === 'aks-mod')!;
  const cp = byRole(c, 'control-plane')!;
  assert.equal(cp.type, 'user-assigned');
  assert.deepEqual(cp.resource && [cp.resource.address, cp.resource.name], ['ids:azurerm_user_assigned_identity.cp', 'id-cp']);
  assert.deepEqual(cp.roleAssignments.map((r) => [r.role, r.scopeResolvesTo]), [['Network Contributor', 'azurerm_subnet.aks.id']]);
  // the Network Contributor is granted; Managed Identity Operator on the kubelet identity is not
  assert.deepEqual(cp.neededRoles.map((r) => [r.code, r.role, r.scope]), [['AKS-RA-004', 'Managed Identity Operator', 'azurerm_user_assigned_identity.kubelet']]);
  // the identities live in another module than the cluster, so no expression can be written there
  assert.equal(cp.principalExpression, undefined);
  assert.equal(cp.neededRoles[0].fix, undefined);
  const kubelet = byRole(c, 'kubelet')!;
  assert.equal(kubelet.byo, true);
  assert.equal(kubelet.resource?.name, 'id-kubelet');
});

test('service-principal cluster: one service-principal entry, no kubelet entry, no requirements', () => {
  const model = identitiesOf(ws({
    'main.tf': `${SUBNET}
resource "azurerm_kubernetes_cluster" "legacy" {
  name = "aks-legacy"
  ${POOL}
  service_principal {
    client_id     = var.sp_id
    client_secret = var.sp_secret
  }
}`,
  }));
  const c = model.clusters[0];
  assert.deepEqual(c.identities.map((i) => `${i.role}:${i.type}`), ['control-plane:service-principal']);
  assert.deepEqual(c.identities[0].neededRoles, []);
});

test('a requirement whose assignment is not statically known is neither granted nor missing', () => {
  const model = identitiesOf(ws({
    'main.tf': `${SUBNET}${uai('aks')}
variable "role" {
  type = string
}
resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks-prod"
  ${POOL}
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.aks.id]
  }
}
resource "azurerm_role_assignment" "net" {
  scope                = azurerm_subnet.aks.id
  role_definition_name = var.role
  principal_id         = azurerm_user_assigned_identity.aks.principal_id
}`,
  }));
  const cp = byRole(model.clusters[0], 'control-plane')!;
  assert.deepEqual(cp.neededRoles, []);
  assert.equal(cp.principalExpression, 'azurerm_user_assigned_identity.aks.principal_id');
});
