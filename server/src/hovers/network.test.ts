import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverNetwork } from './network';

const MAIN = `variable "space" {
  default = "10.1.0.0/16"
}

resource "azurerm_subnet" "aks" {
  address_prefixes = [cidrsubnet(var.space, 8, 0)]
}

resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name           = "system"
    node_count     = 10
    vnet_subnet_id = azurerm_subnet.aks.id
  }
  network_profile {
    network_plugin = "azure"
    service_cidr   = "10.200.0.0/16"
    dns_service_ip = "10.200.0.10"
  }
}

resource "azurerm_kubernetes_cluster" "overlay" {
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    pod_cidr            = "10.244.0.0/20"
  }
}
`;

const ws = Workspace.create([{ path: 'main.tf', text: MAIN }]);
const at = (needle: string): number => {
  const i = MAIN.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + 1;
};

test('network_plugin: value, allowed values and the plugin table', () => {
  const h = hoverNetwork(ws, 'main.tf', at('network_plugin = "azure"'));
  assert.ok(h);
  assert.match(h.markdown, /\*\*network_plugin\*\* = `azure`/);
  assert.match(h.markdown, /Azure CNI \(node subnet\) \| subnet \| subnet \| 30/);
  assert.match(h.markdown, /Source: hashicorp\/terraform-provider-azurerm/);
  assert.equal(MAIN.slice(h.range.start, h.range.end), 'network_plugin = "azure"');
});

test('service_cidr: evaluated range, kubernetes Service IP and .10 DNS IP', () => {
  const h = hoverNetwork(ws, 'main.tf', at('service_cidr'));
  assert.ok(h);
  assert.match(h.markdown, /65,536 addresses: `10\.200\.0\.0` – `10\.200\.255\.255`/);
  assert.match(h.markdown, /`10\.200\.0\.1` is the kubernetes\.default Service IP; conventional `dns_service_ip`: `10\.200\.0\.10`/);
  assert.match(h.markdown, /Source: MicrosoftDocs\/azure-aks-docs/);
});

test('pod_cidr: nodes that fit at one /24 each', () => {
  const h = hoverNetwork(ws, 'main.tf', at('pod_cidr'));
  assert.ok(h);
  assert.match(h.markdown, /room for \*\*16 nodes\*\*/);
  assert.match(h.markdown, /4,096 addresses/);
});

test('subnet address_prefixes through cidrsubnet: usable IPs and the pools drawing on it', () => {
  const h = hoverNetwork(ws, 'main.tf', at('address_prefixes'));
  assert.ok(h);
  assert.match(h.markdown, /256 addresses: `10\.1\.0\.0` – `10\.1\.0\.255`; \*\*251 usable\*\*/);
  assert.match(h.markdown, /pool "system": \(10 nodes \+ 1 surge\) × \(30 \+ 1\) = 341 IPs \(Azure CNI\)/);
});

test('no hover outside networking attributes', () => {
  assert.equal(hoverNetwork(ws, 'main.tf', at('node_count')), undefined);
  assert.equal(hoverNetwork(ws, 'other.tf', at('service_cidr')), undefined);
});

test('dns_service_ip: the rules it must follow', () => {
  const h = hoverNetwork(ws, 'main.tf', at('dns_service_ip'));
  assert.ok(h);
  assert.match(h.markdown, /\*\*dns_service_ip\*\* = `10\.200\.0\.10`/);
  assert.match(h.markdown, /inside `service_cidr`/);
});
