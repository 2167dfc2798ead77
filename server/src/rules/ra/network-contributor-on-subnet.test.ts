import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './network-contributor-on-subnet';
import { validCases } from './network-contributor-on-subnet.valid-cases';

ruleTests(rule, {
  valid: validCases,
  invalid: [
    {
      name: 'user-assigned identity without any role assignment: insert it and depend on it',
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
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }
        }
      `,
      output: tf`
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
          depends_on          = [azurerm_role_assignment.aks_network_contributor_aks]

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
        }

        resource "azurerm_role_assignment" "aks_network_contributor_aks" {
          scope                = azurerm_subnet.aks.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'system-assigned identity, role on the wrong scope and on the kubelet identity: no depends_on (it would be a cycle)',
      files: tf`
        resource "azurerm_subnet" "nodes" {
          name                 = "snet-nodes"
          resource_group_name  = "rg-net"
          virtual_network_name = "vnet-spoke"
          address_prefixes     = ["10.1.0.0/22"]
        }

        resource "azurerm_container_registry" "acr" {
          name                = "acrprod"
          resource_group_name = "rg-aks"
          location            = "westeurope"
          sku                 = "Standard"
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
            vnet_subnet_id = azurerm_subnet.nodes.id
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missingSystemAssigned
          }

          identity {
            type = "SystemAssigned"
          }
        }

        resource "azurerm_role_assignment" "wrong_scope" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
        }

        resource "azurerm_role_assignment" "wrong_identity" {
          scope                = azurerm_subnet.nodes.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
      output: tf`
        resource "azurerm_subnet" "nodes" {
          name                 = "snet-nodes"
          resource_group_name  = "rg-net"
          virtual_network_name = "vnet-spoke"
          address_prefixes     = ["10.1.0.0/22"]
        }

        resource "azurerm_container_registry" "acr" {
          name                = "acrprod"
          resource_group_name = "rg-aks"
          location            = "westeurope"
          sku                 = "Standard"
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
            vnet_subnet_id = azurerm_subnet.nodes.id
          }

          identity {
            type = "SystemAssigned"
          }
        }

        resource "azurerm_role_assignment" "aks_network_contributor_nodes" {
          scope                = azurerm_subnet.nodes.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
        }

        resource "azurerm_role_assignment" "wrong_scope" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
        }

        resource "azurerm_role_assignment" "wrong_identity" {
          scope                = azurerm_subnet.nodes.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
    },
    {
      name: 'node pool subnet; existing multi-line depends_on gets the new entry',
      files: tf`
        resource "azurerm_subnet" "pool" {
          name                 = "snet-pool"
          resource_group_name  = "rg-net"
          virtual_network_name = "vnet-spoke"
          address_prefixes     = ["10.1.4.0/22"]
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
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }

          depends_on = [
            azurerm_user_assigned_identity.aks,
          ]
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name                  = "user"
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          vm_size               = "Standard_D4s_v5"
          vnet_subnet_id        = azurerm_subnet.pool.id
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing
        }
      `,
      output: tf`
        resource "azurerm_subnet" "pool" {
          name                 = "snet-pool"
          resource_group_name  = "rg-net"
          virtual_network_name = "vnet-spoke"
          address_prefixes     = ["10.1.4.0/22"]
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
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }

          depends_on = [
            azurerm_user_assigned_identity.aks,
            azurerm_role_assignment.aks_network_contributor_pool,
          ]
        }

        resource "azurerm_role_assignment" "aks_network_contributor_pool" {
          scope                = azurerm_subnet.pool.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name                  = "user"
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          vm_size               = "Standard_D4s_v5"
          vnet_subnet_id        = azurerm_subnet.pool.id
        }
      `,
    },
    {
      name: 'cluster in a child module, subnet passed from the root: reported, no fix (the subnet is not addressable there)',
      files: tf`
        --- main.tf
        resource "azurerm_subnet" "aks" {
          name                 = "snet-aks"
          resource_group_name  = "rg-net"
          virtual_network_name = "vnet-spoke"
          address_prefixes     = ["10.1.0.0/22"]
        }

        module "aks" {
          source    = "./modules/aks"
          subnet_id = azurerm_subnet.aks.id
        }
        --- modules/aks/main.tf
        variable "subnet_id" {
          type = string
        }

        resource "azurerm_kubernetes_cluster" "this" {
          name                = "aks-prod"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "aks"

          default_node_pool {
            name           = "system"
            vm_size        = "Standard_D4s_v5"
            node_count     = 3
            vnet_subnet_id = var.subnet_id
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missingSystemAssigned
          }

          identity {
            type = "SystemAssigned"
          }
        }
      `,
    },
  ],
});
