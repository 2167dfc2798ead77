import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './subnet-ip-capacity';

ruleTests(rule, {
  valid: [
    {
      name: 'a /22 holds 10 Azure CNI nodes with 30 pods each (341 of 1019)',
      doc: true,
      files: tf`
        resource "azurerm_subnet" "aks" {
          name                 = "snet-aks"
          virtual_network_name = "vnet"
          address_prefixes     = ["10.1.0.0/22"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 10
            max_pods       = 30
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
    {
      name: 'overlay: the node subnet only needs N + S',
      files: tf`
        resource "azurerm_subnet" "aks" {
          address_prefixes = ["10.1.0.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 10
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
          }
        }
      `,
    },
    {
      name: 'node count not statically known: silent',
      files: tf`
        variable "nodes" {}

        resource "azurerm_subnet" "aks" {
          address_prefixes = ["10.1.0.0/26"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = var.nodes
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
    {
      name: 'subnet from a data source: its size is not known',
      files: tf`
        data "azurerm_subnet" "aks" {
          name = "snet"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 50
            vnet_subnet_id = data.azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Azure CNI node subnet: (10 + 1) × (30 + 1) = 341 > 251 in a /24',
      doc: true,
      files: tf`
        resource "azurerm_subnet" "aks" {
          name                 = "snet-aks"
          virtual_network_name = "vnet"
          address_prefixes     = ["10.1.0.0/24"]
        # ^^^^^^^^^^^^^^^^ subnetFull
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 10
            max_pods       = 30
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
      output: tf`
        resource "azurerm_subnet" "aks" {
          name                 = "snet-aks"
          virtual_network_name = "vnet"
          address_prefixes     = ["10.1.0.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 10
            max_pods       = 17
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
    {
      name: 'two pools share a subnet computed by cidrsubnet from tfvars and locals; autoscaling and percentage surge',
      files: tf`
        --- variables.tf
        variable "address_space" {
          type = string
        }

        locals {
          aks_prefix = cidrsubnet(var.address_space, 8, 0)
        }
        --- terraform.tfvars
        address_space = "10.1.0.0/16"
        --- main.tf
        resource "azurerm_subnet" "aks" {
          address_prefixes = [local.aks_prefix]
        # ^^^^^^^^^^^^^^^^ subnetFull
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 3
            vnet_subnet_id = azurerm_subnet.aks.id
            upgrade_settings {
              max_surge = "1"
            }
          }
          network_profile {
            network_plugin = "azure"
          }
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name                  = "user"
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          auto_scaling_enabled  = true
          min_count             = 1
          max_count             = 5
          max_pods              = 20
          vnet_subnet_id        = azurerm_subnet.aks.id
          upgrade_settings {
            max_surge = "33%"
          }
        }
      `,
    },
    {
      name: 'above 80% of the subnet: warning (azurerm v3 enable_auto_scaling)',
      files: tf`
        resource "azurerm_subnet" "aks" {
          address_prefixes = ["10.1.0.0/24"]
        # ^^^^^^^^^^^^^^^^ subnetTight
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name                = "system"
            enable_auto_scaling = true
            min_count           = 1
            max_count           = 6
            vnet_subnet_id      = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
      output: tf`
        resource "azurerm_subnet" "aks" {
          address_prefixes = ["10.1.0.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name                = "system"
            enable_auto_scaling = true
            min_count           = 1
            max_count           = 6
            vnet_subnet_id      = azurerm_subnet.aks.id
            max_pods            = 27
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
    {
      name: 'overlay pod_cidr /20 fits 16 nodes',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 20
          }
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
            pod_cidr            = "10.244.0.0/20"
        #   ^^^^^^^^ podCidrFull
          }
        }
      `,
    },
    {
      name: 'kubenet without a network_profile: default pod CIDR fits 256 nodes',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
        #                                     ^^^^^ podCidrFull
          default_node_pool {
            name       = "system"
            node_count = 300
          }
        }
      `,
    },
    {
      name: 'kubenet above 400 nodes',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 380
            upgrade_settings {
              max_surge = "10%"
            }
          }
          network_profile {
            network_plugin = "kubenet"
        #   ^^^^^^^^^^^^^^ kubenetNodes
            pod_cidr       = "10.244.0.0/14"
          }
        }
      `,
    },
    {
      name: 'dynamic Pod Subnet: batches of 16 per node exceed a /26',
      files: tf`
        --- main.tf
        resource "azurerm_subnet" "nodes" {
          address_prefixes = ["10.1.0.0/24"]
        }

        resource "azurerm_subnet" "pods" {
          address_prefixes = ["10.1.1.0/26"]
        # ^^^^^^^^^^^^^^^^ subnetFull
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 4
            vnet_subnet_id = azurerm_subnet.nodes.id
            pod_subnet_id  = azurerm_subnet.pods.id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
    {
      name: 'cluster in a child module gets the subnet through a module input: (3 + 1) × 31 = 124 > 123 in a /25',
      files: tf`
        --- main.tf
        resource "azurerm_subnet" "aks" {
          address_prefixes = ["10.1.0.0/25"]
        # ^^^^^^^^^^^^^^^^ subnetFull
        }

        module "aks" {
          source    = "./modules/aks"
          subnet_id = azurerm_subnet.aks.id
        }
        --- modules/aks/main.tf
        variable "subnet_id" {
          type = string
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 3
            vnet_subnet_id = var.subnet_id
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
      output: tf`
        --- modules/aks/main.tf
        variable "subnet_id" {
          type = string
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 3
            vnet_subnet_id = var.subnet_id
            max_pods       = 23
          }
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
  ],
});
