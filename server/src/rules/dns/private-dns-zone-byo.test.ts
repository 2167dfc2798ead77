import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './private-dns-zone-byo';

ruleTests(rule, {
  valid: [
    {
      name: 'zone named for the region, user-assigned identity, linked to the VNet',
      doc: true,
      files: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "privatelink.westeurope.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "hub" {
          name                  = "hub"
          resource_group_name   = "rg-dns"
          private_dns_zone_name = azurerm_private_dns_zone.aks.name
          virtual_network_id    = azurerm_virtual_network.hub.id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                       = "aks"
          location                   = "West Europe"
          resource_group_name        = "rg-aks"
          dns_prefix_private_cluster = "aks"
          private_cluster_enabled    = true
          private_dns_zone_id        = azurerm_private_dns_zone.aks.id

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }
        }
      `,
    },
    {
      name: 'subzone, VNet integration zone, link by literal name; zone name unknown',
      files: tf`
        variable "zone_name" {}

        resource "azurerm_private_dns_zone" "a" {
          name = "team1.private.westeurope.azmk8s.io"
        }

        resource "azurerm_private_dns_zone" "b" {
          name = var.zone_name
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "a" {
          private_dns_zone_name = "team1.private.westeurope.azmk8s.io"
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "b" {
          private_dns_zone_name = azurerm_private_dns_zone.b.name
        }

        resource "azurerm_kubernetes_cluster" "a" {
          location            = "westeurope"
          private_dns_zone_id = azurerm_private_dns_zone.a.id
          api_server_access_profile {
            virtual_network_integration_enabled = true
          }
        }

        resource "azurerm_kubernetes_cluster" "b" {
          private_dns_zone_id = azurerm_private_dns_zone.b.id
          service_principal {
            client_id = "x"
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'zone not named for AKS, system-assigned cluster identity',
      doc: true,
      files: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "aks.internal.contoso.com"
        #                       ^^^^^^^^^^^^^^^^^^^^^^^^^^ zoneName
          resource_group_name = "rg-dns"
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "hub" {
          private_dns_zone_name = azurerm_private_dns_zone.aks.name
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

          identity {
            type = "SystemAssigned"
        #   ^^^^^^^^^^^^^^^^^^^^^^^ systemAssigned
          }
        }
      `,
      output: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name                = "aks.internal.contoso.com"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "hub" {
          private_dns_zone_name = azurerm_private_dns_zone.aks.name
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "westeurope"
          resource_group_name     = "rg-aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = azurerm_private_dns_zone.aks.id

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks_control_plane.id]
          }
        }

        resource "azurerm_user_assigned_identity" "aks_control_plane" {
          name                = "id-aks-control-plane"
          location            = "westeurope"
          resource_group_name = "rg-aks"
        }
      `,
    },
    {
      name: 'long subzone, other region, no VNet link (zone id through a local)',
      files: tf`
        --- main.tf
        resource "azurerm_virtual_network" "spoke" {
          name = "vnet-spoke"
        }

        resource "azurerm_subnet" "nodes" {
          name                 = "snet-nodes"
          virtual_network_name = azurerm_virtual_network.spoke.name
        }

        resource "azurerm_private_dns_zone" "aks" {
          name                = "a-very-long-subzone-name-for-the-team.privatelink.eastus2.azmk8s.io"
        #                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ subzoneTooLong
        #                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ regionMismatch
          resource_group_name = "rg-dns"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "West Europe"
          private_cluster_enabled = true
          private_dns_zone_id     = local.zone_id
        # ^^^^^^^^^^^^^^^^^^^ notLinked

          default_node_pool {
            vnet_subnet_id = azurerm_subnet.nodes.id
          }
        }

        locals {
          zone_id = azurerm_private_dns_zone.aks.id
        }
      `,
      output: tf`
        --- main.tf
        resource "azurerm_virtual_network" "spoke" {
          name = "vnet-spoke"
        }

        resource "azurerm_subnet" "nodes" {
          name                 = "snet-nodes"
          virtual_network_name = azurerm_virtual_network.spoke.name
        }

        resource "azurerm_private_dns_zone" "aks" {
          name                = "a-very-long-subzone-name-for-the-team.privatelink.eastus2.azmk8s.io"
          resource_group_name = "rg-dns"
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "aks" {
          name                  = "aks-dns-link"
          resource_group_name   = azurerm_private_dns_zone.aks.resource_group_name
          private_dns_zone_name = azurerm_private_dns_zone.aks.name
          virtual_network_id    = azurerm_virtual_network.spoke.id
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          location                = "West Europe"
          private_cluster_enabled = true
          private_dns_zone_id     = local.zone_id

          default_node_pool {
            vnet_subnet_id = azurerm_subnet.nodes.id
          }
        }

        locals {
          zone_id = azurerm_private_dns_zone.aks.id
        }
      `,
    },
    {
      name: 'privatelink zone with API server VNet integration',
      files: tf`
        resource "azurerm_private_dns_zone" "aks" {
          name = "privatelink.westeurope.azmk8s.io"
        #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ zoneName
        }

        resource "azurerm_private_dns_zone_virtual_network_link" "hub" {
          private_dns_zone_name = azurerm_private_dns_zone.aks.name
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          private_dns_zone_id = azurerm_private_dns_zone.aks.id
          api_server_access_profile {
            virtual_network_integration_enabled = true
          }
        }
      `,
    },
  ],
});
