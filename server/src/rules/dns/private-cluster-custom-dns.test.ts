import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './private-cluster-custom-dns';

const NETWORK = `resource "azurerm_virtual_network" "spoke" {
          name                = "vnet-spoke"
          location            = "westeurope"
          resource_group_name = "rg-net"
          address_space       = ["10.1.0.0/16"]
          dns_servers         = ["10.10.0.4"]
        }

        resource "azurerm_subnet" "nodes" {
          name                 = "snet-nodes"
          resource_group_name  = "rg-net"
          virtual_network_name = azurerm_virtual_network.spoke.name
          address_prefixes     = ["10.1.0.0/22"]
        }`;

ruleTests(rule, {
  valid: [
    {
      name: 'BYO private DNS zone',
      doc: true,
      files: tf`
        --- network.tf
        ${NETWORK}
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

          default_node_pool {
            name           = "system"
            vnet_subnet_id = azurerm_subnet.nodes.id
          }
        }
      `,
    },
    {
      name: 'Azure DNS only; public cluster; servers unknown',
      files: tf`
        variable "dns" {}

        resource "azurerm_virtual_network" "a" {
          name        = "a"
          dns_servers = ["168.63.129.16"]
          subnet {
            name = "nodes"
          }
        }

        resource "azurerm_virtual_network" "b" {
          name        = "b"
          dns_servers = var.dns
          subnet {
            name = "nodes"
          }
        }

        resource "azurerm_virtual_network" "c" {
          name        = "c"
          dns_servers = ["10.0.0.4"]
          subnet {
            name = "nodes"
          }
        }

        resource "azurerm_kubernetes_cluster" "a" {
          name                    = "a"
          private_cluster_enabled = true
          default_node_pool {
            vnet_subnet_id = azurerm_virtual_network.a.subnet[0].id
          }
        }

        resource "azurerm_kubernetes_cluster" "b" {
          name                    = "b"
          private_cluster_enabled = true
          default_node_pool {
            vnet_subnet_id = azurerm_virtual_network.b.subnet[0].id
          }
        }

        resource "azurerm_kubernetes_cluster" "c" {
          name = "c"
          default_node_pool {
            vnet_subnet_id = azurerm_virtual_network.c.subnet[0].id
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'private cluster, VNet with custom DNS servers, no private_dns_zone_id',
      doc: true,
      files: tf`
        --- network.tf
        ${NETWORK}
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
        # ^^^^^^^^^^^^^^^^^^^^^^^ customDns

          default_node_pool {
            name           = "system"
            vm_size        = "Standard_D4s_v5"
            vnet_subnet_id = azurerm_subnet.nodes.id
          }
        }
      `,
      output: tf`
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

          default_node_pool {
            name           = "system"
            vm_size        = "Standard_D4s_v5"
            vnet_subnet_id = azurerm_subnet.nodes.id
          }
        }

        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-aks"
        }
      `,
    },
    {
      name: 'servers set by azurerm_virtual_network_dns_servers, "System" zone, values through variables and a module',
      files: tf`
        --- main.tf
        variable "dns_servers" {
          default = ["10.10.0.4", "10.10.0.5"]
        }

        resource "azurerm_virtual_network" "spoke" {
          name                = "vnet-spoke"
          resource_group_name = "rg-net"
        }

        resource "azurerm_virtual_network_dns_servers" "spoke" {
          virtual_network_id = azurerm_virtual_network.spoke.id
          dns_servers        = var.dns_servers
        }

        resource "azurerm_subnet" "nodes" {
          name                 = "snet-nodes"
          virtual_network_name = azurerm_virtual_network.spoke.name
        }

        module "aks" {
          source    = "./modules/aks"
          subnet_id = azurerm_subnet.nodes.id
          location  = "West Europe"
        }
        --- modules/aks/main.tf
        variable "subnet_id" {}
        variable "location" {}

        locals {
          rg = "rg-aks"
        }

        resource "azurerm_kubernetes_cluster" "this" {
          name                    = "aks"
          location                = var.location
          resource_group_name     = local.rg
          dns_prefix              = "aks"
          private_cluster_enabled = true
        # ^^^^^^^^^^^^^^^^^^^^^^^ customDns
          private_dns_zone_id     = "System"

          default_node_pool {
            name           = "system"
            vnet_subnet_id = var.subnet_id
          }
        }
      `,
      output: tf`
        --- modules/aks/main.tf
        variable "subnet_id" {}
        variable "location" {}

        locals {
          rg = "rg-aks"
        }

        resource "azurerm_kubernetes_cluster" "this" {
          name                    = "aks"
          location                = var.location
          resource_group_name     = local.rg
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

          default_node_pool {
            name           = "system"
            vnet_subnet_id = var.subnet_id
          }
        }

        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = local.rg
        }
      `,
    },
    {
      name: 'inline subnet of a VNet with custom servers; location unknown, so no fix',
      files: tf`
        variable "location" {}

        resource "azurerm_virtual_network" "hub" {
          name        = "hub"
          dns_servers = ["10.0.0.4", "168.63.129.16"]
          subnet {
            name = "nodes"
          }
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = var.location
          private_cluster_enabled = true
        # ^^^^^^^^^^^^^^^^^^^^^^^ customDns
          default_node_pool {
            vnet_subnet_id = azurerm_virtual_network.hub.subnet[0].id
          }
        }
      `,
    },
  ],
});
