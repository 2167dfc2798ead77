import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './cluster-cidrs-do-not-overlap';

ruleTests(rule, {
  valid: [
    {
      name: 'service range outside the VNet',
      doc: true,
      files: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.0.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["10.0.1.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            node_count     = 3
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
            service_cidr   = "172.16.0.0/16"
            dns_service_ip = "172.16.0.10"
          }
        }
      `,
    },
    {
      name: 'overlay with default pod and service ranges next to a 10.1.0.0/16 VNet',
      files: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.1.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["10.1.0.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
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
      name: 'subnet from a data source: its range is not known',
      files: tf`
        data "azurerm_subnet" "aks" {
          name = "snet"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
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
      name: 'implicit default service range 10.0.0.0/16 overlaps the node subnet',
      doc: true,
      files: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.0.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["10.0.1.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            vm_size        = "Standard_D4s_v5"
            node_count     = 3
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
        # ^^^^^^^^^^^^^^^ serviceOverlapsSubnet
            network_plugin = "azure" # service_cidr not set -> AKS default 10.0.0.0/16
          }
        }
      `,
      output: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.0.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["10.0.1.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            vm_size        = "Standard_D4s_v5"
            node_count     = 3
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure" # service_cidr not set -> AKS default 10.0.0.0/16
            service_cidr   = "172.16.0.0/16"
            dns_service_ip = "172.16.0.10"
          }
        }
      `,
    },
    {
      name: 'explicit service range from a variable overlaps a subnet declared in a network module',
      files: tf`
        --- main.tf
        variable "service_cidr" {
          default = "10.10.0.0/16"
        }

        module "network" {
          source = "./network"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            vnet_subnet_id = module.network.subnet_id
          }
          network_profile {
            network_plugin = "azure"
            service_cidr   = var.service_cidr
        #   ^^^^^^^^^^^^ serviceOverlapsSubnet
            dns_service_ip = "10.10.0.10"
          }
        }
        --- network/main.tf
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.10.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = [cidrsubnet("10.10.0.0/16", 8, 1)]
        }

        output "subnet_id" {
          value = azurerm_subnet.aks.id
        }
      `,
    },
    {
      name: 'service range inside the VNet but clear of its subnets: warning',
      files: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.0.0.0/8"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["10.1.0.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/16"
        #   ^^^^^^^^^^^^ serviceInVnet
            dns_service_ip = "10.200.0.10"
          }
        }
      `,
    },
    {
      name: 'overlay default pod range 10.244.0.0/16 overlaps the node subnet',
      files: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["10.244.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["10.244.1.0/24"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
        # ^^^^^^^^^^^^^^^ podOverlaps
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
          }
        }
      `,
    },
    {
      name: 'kubenet pod range equals the service range; pod range outside supported space',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "kubenet"
            pod_cidr       = "20.0.0.0/16"
        #   ^^^^^^^^ podOverlaps
        #   ^^^^^^^^ podOutsideSupported
            service_cidr   = "20.0.0.0/16"
            dns_service_ip = "20.0.0.10"
          }
        }
      `,
    },
    {
      name: 'reserved ranges for the service range and the VNet',
      files: tf`
        resource "azurerm_virtual_network" "vnet" {
          address_space = ["192.0.2.0/24"]
        # ^^^^^^^^^^^^^ reservedRange
        }

        resource "azurerm_subnet" "aks" {
          virtual_network_name = azurerm_virtual_network.vnet.name
          address_prefixes     = ["192.0.2.0/25"]
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name           = "system"
            vnet_subnet_id = azurerm_subnet.aks.id
          }
          network_profile {
            network_plugin = "azure"
            service_cidr   = "172.30.0.0/16"
        #   ^^^^^^^^^^^^ reservedRange
            dns_service_ip = "172.30.0.10"
          }
        }
      `,
    },
  ],
});
