import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalText, rootOf } from './terraform-fixture';
import { refText, toJs } from './value';

// References (expression -> what it names) and the reverse index (resource -> every use).

const FILES = {
  'main.tf': `
resource "azurerm_user_assigned_identity" "kubelet" { name = "kubelet" }
resource "azurerm_user_assigned_identity" "cp" { name = "cp" }
resource "azurerm_kubernetes_cluster" "c" {
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cp.id]
  }
  kubelet_identity {
    client_id                 = azurerm_user_assigned_identity.kubelet.client_id
    object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
    user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
  }
}
locals {
  kubelet_principal = azurerm_kubernetes_cluster.c.kubelet_identity[0].object_id
  names             = [for k, v in var.pools : "\${k}-\${v}"]
}
variable "pools" { default = { a = 1 } }
resource "azurerm_role_assignment" "acr_pull" {
  principal_id         = local.kubelet_principal
  role_definition_name = "AcrPull"
  scope                = azurerm_container_registry.acr.id
}
resource "azurerm_role_assignment" "wrong" {
  principal_id         = azurerm_user_assigned_identity.kubelet.client_id
  role_definition_name = "AcrPull"
  scope                = azurerm_container_registry.acr.id
}
resource "azurerm_container_registry" "acr" { name = "acr" }
`,
};

test('referenceOf names the target, the attribute path and the range', () => {
  const m = rootOf(FILES);
  const wrong = m.resource('azurerm_role_assignment.wrong')!;
  const attr = wrong.attribute('principal_id')!;
  const ref = m.referenceOf(attr.expr, attr.file)!;
  assert.equal(ref.kind, 'resource');
  assert.equal(ref.address, 'azurerm_user_assigned_identity.kubelet');
  assert.deepEqual(ref.path, ['client_id']);
  assert.equal(ref.target, m.resource('azurerm_user_assigned_identity.kubelet'));
  assert.deepEqual(ref.range, attr.expr.range);
  // a literal is not a reference
  assert.equal(m.referenceOf(wrong.attribute('role_definition_name')!.expr, 'main.tf'), undefined);
  const local = m.referenceOf(m.resource('azurerm_role_assignment.acr_pull')!.attribute('principal_id')!.expr, 'main.tf')!;
  assert.equal(local.kind, 'local');
  assert.equal(local.target, m.locals.get('kubelet_principal'));
});

test('evaluation follows locals to the computed attribute a value comes from', () => {
  const m = rootOf(FILES);
  // local -> cluster.kubelet_identity[0].object_id, which is configured -> the identity's computed principal_id
  const v = m.resource('azurerm_role_assignment.acr_pull')!.attribute('principal_id')!.value;
  assert.equal(v.kind, 'unknown');
  assert.equal(v.kind === 'unknown' && v.ref && refText(v.ref), 'azurerm_user_assigned_identity.kubelet.principal_id');
  // not configured in the block: the computed attribute itself
  const p = evalText(m, 'azurerm_kubernetes_cluster.c.identity[0].principal_id');
  assert.equal(p.kind === 'unknown' && p.ref && refText(p.ref), 'azurerm_kubernetes_cluster.c.identity[0].principal_id');
  assert.deepEqual(toJs(evalText(m, 'azurerm_kubernetes_cluster.c.identity[0].type')), 'UserAssigned');
});

test('referencesTo lists every use of a resource with the referring attribute', () => {
  const m = rootOf(FILES);
  const kubelet = m.resource('azurerm_user_assigned_identity.kubelet')!;
  const uses = m.referencesTo(kubelet);
  assert.deepEqual(
    uses.map((u) => [u.owner.labels.join('.'), u.attributePath, u.reference.path.join('.')]),
    [
      ['azurerm_kubernetes_cluster.c', 'kubelet_identity.0.client_id', 'client_id'],
      ['azurerm_kubernetes_cluster.c', 'kubelet_identity.0.object_id', 'principal_id'],
      ['azurerm_kubernetes_cluster.c', 'kubelet_identity.0.user_assigned_identity_id', 'id'],
      ['azurerm_role_assignment.wrong', 'principal_id', 'client_id'],
    ],
  );
  assert.equal(uses[3].attribute.name, 'principal_id');
  const acr = m.referencesTo(m.resource('azurerm_container_registry.acr')!);
  assert.equal(acr.length, 2);
  // for-expression symbols are not references; var.pools is
  const names = m.referencesIn(m.locals.get('names')!.attribute.expr, 'main.tf');
  assert.deepEqual(names.map((r) => r.address), ['var.pools']);
  assert.equal(m.referencesTo(m.variables.get('pools')!).length, 1);
});

test('count and for_each resources are collections of instances', () => {
  const m = rootOf({
    'main.tf': `
variable "pools" {
  default = {
    user1 = { zones = ["1"] }
    user2 = { zones = ["2", "3"] }
  }
}
resource "azurerm_subnet" "s" {
  count            = 2
  name             = "snet-\${count.index}"
  address_prefixes = [cidrsubnet("10.0.0.0/16", 8, count.index)]
}
resource "azurerm_kubernetes_cluster_node_pool" "p" {
  for_each = var.pools
  name     = each.key
  zones    = each.value.zones
  vnet_subnet_id = azurerm_subnet.s[1].id
}
resource "azurerm_subnet" "dyn" {
  count = length(azurerm_subnet.s[*].id) + var.unknown_n
  name  = "x"
}
variable "unknown_n" {}
`,
  });
  assert.equal(m.resource('azurerm_subnet.s')!.isCollection, true);
  assert.deepEqual(toJs(evalText(m, 'azurerm_subnet.s[1].address_prefixes')), ['10.0.1.0/24']);
  assert.deepEqual(toJs(evalText(m, 'azurerm_subnet.s[*].name')), ['snet-0', 'snet-1']);
  assert.deepEqual(toJs(evalText(m, 'azurerm_kubernetes_cluster_node_pool.p["user2"].zones')), ['2', '3']);
  assert.deepEqual(toJs(evalText(m, 'keys(azurerm_kubernetes_cluster_node_pool.p)')), ['user1', 'user2']);
  const id = evalText(m, 'azurerm_subnet.s[1].id');
  assert.equal(id.kind === 'unknown' && id.ref && refText(id.ref), 'azurerm_subnet.s[1].id');
  // instance-free reads of an attribute that uses count.index / each are Unknown
  assert.equal(m.resource('azurerm_subnet.s')!.attribute('name')!.value.kind, 'unknown');
  // unknown count: instances are Unknown but still say which resource they are
  const dyn = evalText(m, 'azurerm_subnet.dyn[0].name');
  assert.equal(dyn.kind === 'unknown' && dyn.ref && refText(dyn.ref), 'azurerm_subnet.dyn[0].name');
  const use = m.referencesTo(m.resource('azurerm_subnet.s')!).find((u) => u.attributePath === 'vnet_subnet_id')!;
  assert.deepEqual(use.reference.instance, { key: 1 });
  assert.deepEqual(use.reference.path, ['id']);
});

test('block read API: attr paths, nested blocks, dynamic blocks', () => {
  const m = rootOf({
    'main.tf': `
resource "azurerm_kubernetes_cluster" "c" {
  network_profile {
    network_plugin = "azure"
    service_cidr   = "10.0.0.0/16"
  }
  default_node_pool {
    name = "system"
  }
  dynamic "maintenance_window" {
    for_each = []
    content {}
  }
}`,
  });
  const c = m.resource('azurerm_kubernetes_cluster.c')!;
  assert.deepEqual(toJs(c.attr('network_profile.service_cidr')!.value), '10.0.0.0/16');
  assert.deepEqual(toJs(c.attr('network_profile.0.network_plugin')!.value), 'azure');
  assert.equal(c.attr('network_profile.1.network_plugin'), undefined);
  assert.equal(c.attr('network_profile.dns_service_ip'), undefined);
  assert.equal(c.blocks('default_node_pool').length, 1);
  assert.equal(c.block('default_node_pool')!.attribute('name')!.range.start > c.range.start, true);
  assert.equal(c.hasDynamic('maintenance_window'), true);
  assert.equal(evalText(m, 'azurerm_kubernetes_cluster.c.maintenance_window').kind, 'unknown');
});
