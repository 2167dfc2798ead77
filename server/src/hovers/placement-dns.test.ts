import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverPlacementDns } from './placement-dns';

const TF = `resource "azurerm_kubernetes_cluster" "aks" {
  private_cluster_enabled = true
  private_dns_zone_id     = "None"

  default_node_pool {
    name  = "system"
    zones = ["1", "2", "3"]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "hpc" {
  zones                        = ["1"]
  proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
}
`;
const ws = Workspace.create([{ path: 'main.tf', text: TF }]);
const at = (needle: string, from = 0) => hoverPlacementDns(ws, 'main.tf', TF.indexOf(needle, from) + 1);

test('zones on a default pool and on a node pool resource', () => {
  const h = at('zones')!;
  assert.match(h.markdown, /^\*\*zones\*\*/);
  assert.match(h.markdown, /temporary_name_for_rotation/);
  assert.equal(TF.slice(h.range.start, h.range.end), 'zones');
  assert.ok(at('zones', TF.indexOf('"hpc"')));
  assert.match(h.markdown.split('\n').pop()!, /^Source: MicrosoftDocs\/azure-aks-docs articles\/aks\/reduce-latency-ppg\.md/);
});

test('proximity placement group quotes', () => {
  assert.match(at('proximity_placement_group_id')!.markdown, /can map to only \*one\* availability zone/);
});

test('private_dns_zone_id explains the current value, lists all; nothing on other attributes', () => {
  const h = at('private_dns_zone_id')!;
  assert.match(h.markdown, /This value: `None`/);
  assert.match(h.markdown, /Accepted values/);
  assert.match(h.markdown.split('\n').pop()!, /private-clusters\.md$/);
  assert.equal(at('private_cluster_enabled'), undefined);
  assert.equal(hoverPlacementDns(ws, 'other.yaml', 0), undefined);
});
