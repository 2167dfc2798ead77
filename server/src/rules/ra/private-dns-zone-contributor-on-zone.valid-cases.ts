import { tf } from '../kit/fixture';
import type { ValidCase } from '../kit/rule-tester';

// Valid (passing) cases of AKS-RA-005, kept apart so the test file stays small; run by private-dns-zone-contributor-on-zone.test.ts.
export const validCases: ValidCase[] = [
  {
    name: 'zone role, VNet role and depends_on in place',
    doc: true,
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

      resource "azurerm_role_assignment" "vnet" {
        scope                = azurerm_virtual_network.spoke.id
        role_definition_name = "Network Contributor"
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

        depends_on = [azurerm_role_assignment.dns, azurerm_role_assignment.vnet]
      }
    `,
  },
  {
    name: 'AKS-managed zone ("System"): nothing to grant',
    files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        name                    = "aks-prod"
        location                = "westeurope"
        resource_group_name     = "rg-aks"
        dns_prefix              = "aks"
        private_cluster_enabled = true
        private_dns_zone_id     = "System"

        default_node_pool {
          name       = "system"
          vm_size    = "Standard_D4s_v5"
          node_count = 3
        }

        identity {
          type = "SystemAssigned"
        }
      }
    `,
  },
];
