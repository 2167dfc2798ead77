import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './private-dns-zone-contributor-on-zone';
import { validCases } from './private-dns-zone-contributor-on-zone.valid-cases';

ruleTests(rule, {
  valid: validCases,
  invalid: [
    {
      name: 'DNS Zone Contributor is not enough for a private zone',
      doc: true,
      files: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ wrongRole

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }

          depends_on = [azurerm_role_assignment.dns]
        }
      `,
      output: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }

          depends_on = [azurerm_role_assignment.dns, azurerm_role_assignment.aks_private_dns]
        }

        resource "azurerm_role_assignment" "aks_private_dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'zone given as a literal ID through a variable default; no assignment at all',
      files: tf`
        variable "private_dns_zone_id" {
          type    = string
          default = "/subscriptions/0000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = var.private_dns_zone_id
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missingZone

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }
        }
      `,
      output: tf`
        variable "private_dns_zone_id" {
          type    = string
          default = "/subscriptions/0000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = var.private_dns_zone_id
          depends_on              = [azurerm_role_assignment.aks_private_dns]

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }
        }

        resource "azurerm_role_assignment" "aks_private_dns" {
          scope                = "/subscriptions/0000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io"
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'zone role in place but no Network Contributor on the VNet',
      files: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_virtual_network" "spoke" {
          name                = "vnet-spoke"
          resource_group_name = "rg-net"
          location            = "westeurope"
          address_space       = ["10.1.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          name                 = "snet-aks"
          resource_group_name  = "rg-net"
          virtual_network_name = azurerm_virtual_network.spoke.name
          address_prefixes     = ["10.1.0.0/22"]
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missingVnet

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

          depends_on = [azurerm_role_assignment.dns]
        }
      `,
      output: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_virtual_network" "spoke" {
          name                = "vnet-spoke"
          resource_group_name = "rg-net"
          location            = "westeurope"
          address_space       = ["10.1.0.0/16"]
        }

        resource "azurerm_subnet" "aks" {
          name                 = "snet-aks"
          resource_group_name  = "rg-net"
          virtual_network_name = azurerm_virtual_network.spoke.name
          address_prefixes     = ["10.1.0.0/22"]
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

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

          depends_on = [azurerm_role_assignment.dns, azurerm_role_assignment.aks_dns_vnet_network_contributor]
        }

        resource "azurerm_role_assignment" "aks_dns_vnet_network_contributor" {
          scope                = azurerm_virtual_network.spoke.id
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'zone role granted but the cluster does not depend on it',
      files: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ noDependsOn

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }
        }
      `,
      output: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "dns" {
          scope                = azurerm_private_dns_zone.aks.id
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks-prod"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id
          depends_on              = [azurerm_role_assignment.dns]

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }
        }
      `,
    },
  ],
});
