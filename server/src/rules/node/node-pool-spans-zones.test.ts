import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../text/text-edit';
import { tf } from '../kit/fixture';
import { lintFixture, ruleTests } from '../kit/rule-tester';
import { rule } from './node-pool-spans-zones';

ruleTests(rule, {
  valid: [
    {
      name: 'default pool over three zones',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name       = "aks"
          dns_prefix = "aks"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
            zones      = ["1", "2", "3"]
          }
        }
      `,
    },
    {
      name: 'proximity placement group pools are single-zone by design; zones from a variable',
      files: tf`
        variable "zones" {
          default = ["1", "2", "3"]
        }

        resource "azurerm_kubernetes_cluster_node_pool" "hpc" {
          name                         = "hpc"
          zones                        = ["1"]
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name  = "user"
          zones = var.zones
        }
      `,
    },
    {
      name: 'zones not statically known',
      files: tf`
        variable "zones" {}

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name  = "user"
          zones = var.zones
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'default pool without zones',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name       = "aks"
          dns_prefix = "aks"

          default_node_pool {
        # ^^^^^^^^^^^^^^^^^ noZones
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name       = "aks"
          dns_prefix = "aks"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
            zones      = ["1", "2", "3"]
          }
        }
      `,
    },
    {
      name: 'node pool resource with one zone, through a local; tfvars value for another pool',
      files: tf`
        locals {
          zones = ["1"]
        }

        variable "user_zones" {
          default = ["1", "2", "3"]
        }

        resource "azurerm_kubernetes_cluster_node_pool" "batch" {
          name                  = "batch"
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          zones                 = local.zones
        # ^^^^^ fewZones
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name  = "user"
          zones = ["1", "2"]
        # ^^^^^ fewZones
        }

        resource "azurerm_kubernetes_cluster_node_pool" "web" {
          name  = "web"
          zones = var.user_zones
        # ^^^^^ fewZones
        }
        --- prod.auto.tfvars
        user_zones = ["2"]
      `,
      output: tf`
        --- main.tf
        locals {
          zones = ["1"]
        }

        variable "user_zones" {
          default = ["1", "2", "3"]
        }

        resource "azurerm_kubernetes_cluster_node_pool" "batch" {
          name                  = "batch"
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          zones                 = local.zones
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name  = "user"
          zones = ["1", "2", "3"]
        }

        resource "azurerm_kubernetes_cluster_node_pool" "web" {
          name  = "web"
          zones = var.user_zones
        }
      `,
    },
  ],
});

// The second action (existing cluster): zones and temporary_name_for_rotation together, aligned as terraform fmt wants.
test('AKS-NODE-001 second fix also sets temporary_name_for_rotation', () => {
  const input = tf`
    resource "azurerm_kubernetes_cluster" "aks" {
      default_node_pool {
        name    = "system"
        vm_size = "Standard_D4s_v5"
      }
    }
  `.files;
  const [finding] = lintFixture(rule, input);
  const second = finding.fixes?.[1];
  assert.ok(second, 'a second fix is offered');
  const fixed = applyEdits(input.get('main.tf')!, second.edits.map((e) => ({ range: e.range, newText: e.newText })));
  assert.equal(fixed, [
    'resource "azurerm_kubernetes_cluster" "aks" {',
    '  default_node_pool {',
    '    name                        = "system"',
    '    vm_size                     = "Standard_D4s_v5"',
    '    temporary_name_for_rotation = "tmpsystem"',
    '    zones                       = ["1", "2", "3"]',
    '  }',
    '}',
    '',
  ].join('\n'));
});
