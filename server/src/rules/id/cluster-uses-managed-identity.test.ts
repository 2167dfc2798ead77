import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './cluster-uses-managed-identity';

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: tf`
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
            type = "SystemAssigned"
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'service principal alone',
      doc: true,
      files: tf`
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

          service_principal {
        # ^^^^^^^^^^^^^^^^^ servicePrincipal
            client_id     = var.sp_id
            client_secret = var.sp_secret
          }
        }
      `,
      output: tf`
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
            type = "SystemAssigned"
          }
        }
      `,
    },
    {
      name: 'both blocks (Mixed-Mode), in a second file of the module',
      files: tf`
        --- variables.tf
        variable "sp_id" {
          type = string
        }
        --- aks.tf
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
            type = "SystemAssigned"
          }

          service_principal {
        # ^^^^^^^^^^^^^^^^^ both
            client_id     = var.sp_id
            client_secret = "secret"
          }
        }
      `,
      output: tf`
        --- aks.tf
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
            type = "SystemAssigned"
          }
        }
      `,
    },
  ],
});
