import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './max-pods-within-bounds';

ruleTests(rule, {
  valid: [
    {
      name: 'max_pods = 30 on one node',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 1
            max_pods   = 30
          }
        }
      `,
    },
    {
      name: 'max_pods = 10 with three nodes; a user pool that scales from zero',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 3
            max_pods   = 10
          }
        }

        resource "azurerm_kubernetes_cluster_node_pool" "batch" {
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          auto_scaling_enabled  = true
          min_count             = 0
          max_count             = 5
          max_pods              = 10
        }
      `,
    },
    {
      name: 'max_pods from a variable without a value',
      files: tf`
        variable "max_pods" {
          type = number
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 1
            max_pods   = var.max_pods
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'max_pods = 10 on a single node',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 1
            max_pods   = 10
        #   ^^^^^^^^ tooFewPods
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 1
            max_pods   = 30
          }
        }
      `,
    },
    {
      name: 'max_pods from tfvars above 250 on a node pool (v3 enable_auto_scaling)',
      files: tf`
        --- variables.tf
        variable "max_pods" {
          type = number
        }
        --- terraform.tfvars
        max_pods = 300
        --- main.tf
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          enable_auto_scaling = true
          min_count           = 1
          max_count           = 3
          max_pods            = var.max_pods
        # ^^^^^^^^ outOfRange
        }
      `,
    },
    {
      name: 'max_pods below 10',
      files: tf`
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          node_count = 5
          max_pods   = 5
        # ^^^^^^^^ outOfRange
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          node_count = 5
          max_pods   = 30
        }
      `,
    },
    {
      name: 'autoscaled pool whose min_count leaves room for fewer than 30 pods',
      files: tf`
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          auto_scaling_enabled = true
          min_count            = 2
          max_count            = 10
          max_pods             = 12
        # ^^^^^^^^ tooFewPods
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          auto_scaling_enabled = true
          min_count            = 2
          max_count            = 10
          max_pods             = 30
        }
      `,
    },
    {
      name: 'Windows pool on overlay above 110 pods',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
          }
        }

        resource "azurerm_kubernetes_cluster_node_pool" "win" {
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          os_type               = "Windows"
          node_count            = 3
          max_pods              = 200
        # ^^^^^^^^ windowsOverlay
        }
      `,
    },
  ],
});
