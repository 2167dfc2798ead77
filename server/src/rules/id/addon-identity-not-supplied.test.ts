import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './addon-identity-not-supplied';

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

          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }

          oms_agent {
            log_analytics_workspace_id      = "/subscriptions/0000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
            msi_auth_for_monitoring_enabled = true
          }
        }
      `,
    },
    {
      name: 'msi auth from a variable that is not statically known: silent',
      files: tf`
        variable "msi_auth" {
          type = bool
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
            type = "SystemAssigned"
          }

          oms_agent {
            log_analytics_workspace_id      = "/subscriptions/0000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
            msi_auth_for_monitoring_enabled = var.msi_auth
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'secret_identity written as input',
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

          key_vault_secrets_provider {
            secret_rotation_enabled = true
            secret_identity {
        #   ^^^^^^^^^^^^^^^ exportedBlock
              client_id = "00000000-0000-0000-0000-000000000000"
            }
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

          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }
        }
      `,
    },
    {
      name: 'oms_agent without MSI auth, and with it explicitly false',
      files: tf`
        resource "azurerm_kubernetes_cluster" "a" {
          name                = "aks-a"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "a"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type = "SystemAssigned"
          }

          oms_agent {
        # ^^^^^^^^^ legacyMonitoringAuth
            log_analytics_workspace_id = "/subscriptions/0000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
          }
        }

        resource "azurerm_kubernetes_cluster" "b" {
          name                = "aks-b"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "b"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type = "SystemAssigned"
          }

          oms_agent {
            log_analytics_workspace_id      = "/subscriptions/0000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
            msi_auth_for_monitoring_enabled = false
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ legacyMonitoringAuth
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "a" {
          name                = "aks-a"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "a"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type = "SystemAssigned"
          }

          oms_agent {
            log_analytics_workspace_id      = "/subscriptions/0000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
            msi_auth_for_monitoring_enabled = true
          }
        }

        resource "azurerm_kubernetes_cluster" "b" {
          name                = "aks-b"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "b"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type = "SystemAssigned"
          }

          oms_agent {
            log_analytics_workspace_id      = "/subscriptions/0000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
            msi_auth_for_monitoring_enabled = true
          }
        }
      `,
    },
  ],
});
