import { tf } from '../kit/fixture';
import type { ValidCase } from '../kit/rule-tester';

// Valid (passing) cases of AKS-RA-003, kept apart so the test file stays small; run by network-contributor-on-subnet.test.ts.
export const validCases: ValidCase[] = [
  {
    name: 'Network Contributor on the subnet for the user-assigned identity',
    doc: true,
    files: tf`
      resource "azurerm_subnet" "aks" {
        name                 = "snet-aks"
        resource_group_name  = "rg-net"
        virtual_network_name = "vnet-spoke"
        address_prefixes     = ["10.1.0.0/22"]
      }

      resource "azurerm_user_assigned_identity" "aks" {
        name                = "id-aks"
        resource_group_name = "rg-aks"
        location            = "westeurope"
      }

      resource "azurerm_kubernetes_cluster" "aks" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks"

        default_node_pool {
          name           = "system"
          vm_size        = "Standard_D4s_v5"
          node_count     = 3
          vnet_subnet_id = azurerm_subnet.aks.id
        }

        identity {
          type         = "UserAssigned"
          identity_ids = [azurerm_user_assigned_identity.aks.id]
        }

        depends_on = [azurerm_role_assignment.aks_network]
      }

      resource "azurerm_role_assignment" "aks_network" {
        scope                = azurerm_subnet.aks.id
        role_definition_name = "Network Contributor"
        principal_id         = azurerm_user_assigned_identity.aks.principal_id
      }
    `,
  },
  {
    name: 'VNet scope and principal through a local; identity_ids through a variable default',
    files: tf`
      --- network.tf
      resource "azurerm_resource_group" "net" {
        name     = "rg-net"
        location = "westeurope"
      }

      resource "azurerm_virtual_network" "spoke" {
        name                = "vnet-spoke"
        resource_group_name = azurerm_resource_group.net.name
        location            = "westeurope"
        address_space       = ["10.1.0.0/16"]
      }

      resource "azurerm_subnet" "aks" {
        name                 = "snet-aks"
        resource_group_name  = azurerm_resource_group.net.name
        virtual_network_name = azurerm_virtual_network.spoke.name
        address_prefixes     = ["10.1.0.0/22"]
      }
      --- main.tf
      locals {
        cp_principal = azurerm_user_assigned_identity.aks.principal_id
        cp_ids       = [azurerm_user_assigned_identity.aks.id]
      }

      resource "azurerm_user_assigned_identity" "aks" {
        name                = "id-aks"
        resource_group_name = "rg-aks"
        location            = "westeurope"
      }

      resource "azurerm_kubernetes_cluster" "aks" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks"

        default_node_pool {
          name           = "system"
          vm_size        = "Standard_D4s_v5"
          node_count     = 3
          vnet_subnet_id = azurerm_subnet.aks.id
        }

        identity {
          type         = "UserAssigned"
          identity_ids = local.cp_ids
        }
      }

      resource "azurerm_role_assignment" "vnet" {
        scope                = azurerm_virtual_network.spoke.id
        role_definition_name = "Network Contributor"
        principal_id         = local.cp_principal
      }
    `,
  },
  {
    name: 'Contributor on the resource group of the subnet',
    files: tf`
      resource "azurerm_resource_group" "net" {
        name     = "rg-net"
        location = "westeurope"
      }

      resource "azurerm_subnet" "aks" {
        name                 = "snet-aks"
        resource_group_name  = azurerm_resource_group.net.name
        virtual_network_name = "vnet-spoke"
        address_prefixes     = ["10.1.0.0/22"]
      }

      resource "azurerm_kubernetes_cluster" "aks" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks"

        default_node_pool {
          name           = "system"
          vm_size        = "Standard_D4s_v5"
          node_count     = 3
          vnet_subnet_id = azurerm_subnet.aks.id
        }

        identity {
          type = "SystemAssigned"
        }
      }

      resource "azurerm_role_assignment" "rg" {
        scope                = azurerm_resource_group.net.id
        role_definition_name = "Contributor"
        principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
      }
    `,
  },
  {
    name: 'principal not statically known: silent',
    files: tf`
      variable "principal_id" {
        type = string
      }

      resource "azurerm_subnet" "aks" {
        name                 = "snet-aks"
        resource_group_name  = "rg-net"
        virtual_network_name = "vnet-spoke"
        address_prefixes     = ["10.1.0.0/22"]
      }

      resource "azurerm_kubernetes_cluster" "aks" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks"

        default_node_pool {
          name           = "system"
          vm_size        = "Standard_D4s_v5"
          node_count     = 3
          vnet_subnet_id = azurerm_subnet.aks.id
        }

        identity {
          type = "SystemAssigned"
        }
      }

      resource "azurerm_role_assignment" "net" {
        scope                = azurerm_subnet.aks.id
        role_definition_name = "Network Contributor"
        principal_id         = var.principal_id
      }
    `,
  },
  {
    name: 'subnet given as a literal ID (not in the workspace): silent',
    files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks"

        default_node_pool {
          name           = "system"
          vm_size        = "Standard_D4s_v5"
          node_count     = 3
          vnet_subnet_id = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet"
        }

        identity {
          type = "SystemAssigned"
        }
      }
    `,
  },
];
