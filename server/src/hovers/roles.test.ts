import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverRoles } from './roles';

const MAIN = `resource "azurerm_container_registry" "acr" {
  name = "acrprod"
}

data "azurerm_role_definition" "puller" {
  name = "AKS Image Puller"
}

resource "azurerm_role_assignment" "pull" {
  scope                = azurerm_container_registry.acr.id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
}

resource "azurerm_role_assignment" "kv" {
  scope              = "/subscriptions/0000/resourceGroups/rg-aks"
  role_definition_id = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/4633458B-17de-408a-b874-0445c86b69e6"
  principal_id       = var.p
}

resource "azurerm_role_assignment" "custom" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "AKS Image Puller"
  principal_id         = var.p
}

resource "azurerm_role_assignment" "typo" {
  scope                = var.scope
  role_definition_name = "acrpull"
  principal_id         = var.p
}
`;

const ws = Workspace.create([{ path: 'main.tf', text: MAIN }]);
const at = (needle: string, nth = 0): number => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = MAIN.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i + 2;
};

test('role_definition_name: GUID, what it grants, typical AKS use, source line last', () => {
  const h = hoverRoles(ws, 'main.tf', at('"AcrPull"'))!;
  assert.ok(h, 'no hover');
  assert.match(h.markdown, /^\*\*AcrPull\*\*: built-in Azure role/);
  assert.match(h.markdown, /7f951dda-4ed3-4680-a7ca-43fe172d538d/);
  assert.match(h.markdown, /kubelet identity → ACR/);
  assert.match(h.markdown.split('\n').pop()!, /^Source: MicrosoftDocs\/azure-docs .*built-in-roles\.md/);
  assert.equal(MAIN.slice(h.range.start, h.range.end), 'role_definition_name = "AcrPull"');
});

test('role_definition_id: the GUID (any case) names the role, with its data actions', () => {
  const h = hoverRoles(ws, 'main.tf', at('4633458B'))!;
  assert.match(h.markdown, /^\*\*Key Vault Secrets User\*\*/);
  assert.match(h.markdown, /getSecret\/action/);
});

test('case-only spelling and custom roles', () => {
  assert.match(hoverRoles(ws, 'main.tf', at('"acrpull"'))!.markdown, /Written as "acrpull": the published spelling is "AcrPull"/);
  assert.match(hoverRoles(ws, 'main.tf', at('"AKS Image Puller"', 1))!.markdown, /custom role/);
});

test('scope: what it resolves to', () => {
  assert.match(hoverRoles(ws, 'main.tf', at('azurerm_container_registry.acr.id'))!.markdown, /a single resource, `azurerm_container_registry\.acr` \(azurerm_container_registry\)/);
  assert.match(hoverRoles(ws, 'main.tf', at('/subscriptions/0000/resourceGroups/rg-aks'))!.markdown, /a resource group/);
  assert.match(hoverRoles(ws, 'main.tf', at('data.azurerm_subscription.current.id'))!.markdown, /the subscription.*It is not declared in this module/);
});

test('nothing outside the three attributes, nothing for unknown values or other files', () => {
  assert.equal(hoverRoles(ws, 'main.tf', at('principal_id')), undefined);
  assert.equal(hoverRoles(ws, 'main.tf', at('var.scope')), undefined);
  assert.equal(hoverRoles(ws, 'main.tf', at('name = "acrprod"')), undefined);
  assert.equal(hoverRoles(ws, 'other.tf', at('"AcrPull"')), undefined);
});
