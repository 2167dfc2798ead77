import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './ppg-single-zone';

ruleTests(rule, {
  valid: [
    {
      name: 'one zone, the PPG zone',
      doc: true,
      files: tf`
        resource "azurerm_proximity_placement_group" "ppg" {
          name                = "ppg-hpc"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          zone                = "1"
        }

        resource "azurerm_kubernetes_cluster_node_pool" "hpc" {
          name                         = "hpc"
          kubernetes_cluster_id        = azurerm_kubernetes_cluster.aks.id
          vm_size                      = "Standard_D16s_v5"
          zones                        = ["1"]
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }
      `,
    },
    {
      name: 'pools of one PPG in the same zone; zones unknown; PPG id unknown',
      files: tf`
        variable "zones" {}
        variable "ppg_id" {}

        resource "azurerm_kubernetes_cluster_node_pool" "a" {
          name                         = "a"
          zones                        = ["2"]
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }

        resource "azurerm_kubernetes_cluster_node_pool" "b" {
          name                         = "b"
          zones                        = ["2"]
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }

        resource "azurerm_kubernetes_cluster_node_pool" "c" {
          name                         = "c"
          zones                        = var.zones
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }

        resource "azurerm_kubernetes_cluster_node_pool" "d" {
          name                         = "d"
          zones                        = ["1", "2"]
          proximity_placement_group_id = null
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'PPG on a pool over three zones',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster_node_pool" "hpc" {
          name                         = "hpc"
          kubernetes_cluster_id        = azurerm_kubernetes_cluster.aks.id
          vm_size                      = "Standard_D16s_v5"
          zones                        = ["1", "2", "3"]
        # ^^^^^ multipleZones
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster_node_pool" "hpc" {
          name                         = "hpc"
          kubernetes_cluster_id        = azurerm_kubernetes_cluster.aks.id
          vm_size                      = "Standard_D16s_v5"
          zones                        = ["1"]
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }
      `,
    },
    {
      name: 'default pool with a PPG (info) and zones from a variable (no fix through the variable)',
      files: tf`
        variable "zones" {
          default = ["1", "2", "3"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name       = "aks"
          dns_prefix = "aks"

          default_node_pool {
            name                         = "system"
            vm_size                      = "Standard_D4s_v5"
            zones                        = var.zones
        #   ^^^^^ multipleZones
            proximity_placement_group_id = local.ppg_id
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ systemPool
          }
        }

        locals {
          ppg_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/proximityPlacementGroups/ppg"
        }
      `,
    },
    {
      name: 'pool zone differs from the PPG zone (zone through a variable, PPG id through a local)',
      files: tf`
        --- ppg.tf
        variable "ppg_zone" {
          default = "1"
        }

        resource "azurerm_proximity_placement_group" "ppg" {
          name                = "ppg-hpc"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          zone                = var.ppg_zone
        }

        locals {
          ppg = azurerm_proximity_placement_group.ppg.id
        }
        --- pools.tf
        resource "azurerm_kubernetes_cluster_node_pool" "hpc" {
          name                         = "hpc"
          zones                        = ["2"]
        # ^^^^^ zoneMismatch
          proximity_placement_group_id = local.ppg
        }
      `,
    },
    {
      name: 'two pools share a PPG in different zones (across files)',
      files: tf`
        --- a.tf
        resource "azurerm_kubernetes_cluster_node_pool" "a" {
          name                         = "hpca"
          zones                        = ["1"]
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }
        --- b.tf
        resource "azurerm_proximity_placement_group" "ppg" {
          name                = "ppg-hpc"
          location            = "westeurope"
          resource_group_name = "rg-aks"
        }

        resource "azurerm_kubernetes_cluster_node_pool" "b" {
          name                         = "hpcb"
          zones                        = ["3"]
        # ^^^^^ poolsDisagree
          proximity_placement_group_id = azurerm_proximity_placement_group.ppg.id
        }
      `,
    },
  ],
});
