import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverVersions } from './versions';

const MAIN = `terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}
resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    enable_auto_scaling = true
  }
  automatic_upgrade_channel = "stable"
  name                      = "aks"
}
`;
const ws = Workspace.create([{ path: 'main.tf', text: MAIN }]);

test('old name: the change, its status under the pinned version, the source last', () => {
  const h = hoverVersions(ws, 'main.tf', MAIN.indexOf('enable_auto_scaling') + 2)!;
  assert.match(h.markdown, /^\*\*azurerm 4\.0\.0\*\*: enable_auto_scaling was renamed to auto_scaling_enabled/);
  assert.match(h.markdown, /azurerm 4\.x\): no longer accepted\./);
  assert.match(h.markdown.split('\n').pop()!, /^Source: hashicorp\/terraform-provider-azurerm .*4\.0-upgrade-guide/);
  assert.equal(MAIN.slice(h.range.start, h.range.end), 'enable_auto_scaling');
});

test('new name: the change without a status; nothing on unrelated arguments', () => {
  const h = hoverVersions(ws, 'main.tf', MAIN.indexOf('automatic_upgrade_channel'))!;
  assert.match(h.markdown, /automatic_channel_upgrade was renamed to automatic_upgrade_channel/);
  assert.doesNotMatch(h.markdown, /In this module/);
  assert.equal(hoverVersions(ws, 'main.tf', MAIN.indexOf('name ')), undefined);
});
