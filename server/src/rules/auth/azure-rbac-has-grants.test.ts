import { test } from 'node:test';
import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './azure-rbac-has-grants';
import { checkAllFixesFmtClean } from '../ra/fix-fmt-check.test';

ruleTests(rule, {
  valid: [
    { doc: true, files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        azure_active_directory_role_based_access_control {
          azure_rbac_enabled = true
        }
      }
      resource "azurerm_role_assignment" "readers" {
        scope                = azurerm_kubernetes_cluster.aks.id
        role_definition_name = "Azure Kubernetes Service RBAC Reader"
        principal_id         = var.readers_group
      }
    ` },
    { name: 'admin group set', files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        azure_active_directory_role_based_access_control {
          azure_rbac_enabled     = true
          admin_group_object_ids = ["00000000-0000-0000-0000-00000000aaaa"]
        }
      }
    ` },
    { name: 'grant in another module, by GUID', files: tf`
      --- main.tf
      resource "azurerm_kubernetes_cluster" "aks" {
        azure_active_directory_role_based_access_control {
          azure_rbac_enabled = true
        }
      }
      --- access/main.tf
      resource "azurerm_role_assignment" "admins" {
        scope              = var.cluster_id
        role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b"
        principal_id       = var.admins
      }
    ` },
    { name: 'a role assignment whose role is not statically known may be the grant', files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        azure_active_directory_role_based_access_control {
          azure_rbac_enabled = true
        }
      }
      resource "azurerm_role_assignment" "any" {
        for_each             = var.grants
        scope                = azurerm_kubernetes_cluster.aks.id
        role_definition_name = each.value.role
        principal_id         = each.value.principal
      }
    ` },
    { name: 'local accounts disabled, admin group from a variable (not known to be empty)', files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        local_account_disabled = true
        azure_active_directory_role_based_access_control {
          admin_group_object_ids = var.admin_groups
        }
      }
    ` },
  ],
  invalid: [
    {
      name: 'Azure RBAC on, nobody granted',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks-prod"

          azure_active_directory_role_based_access_control {
            azure_rbac_enabled = true
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^ noGrants
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks-prod"

          azure_active_directory_role_based_access_control {
            azure_rbac_enabled = true
          }
        }

        resource "azurerm_role_assignment" "aks_rbac_reader" {
          scope                = azurerm_kubernetes_cluster.aks.id
          role_definition_name = "Azure Kubernetes Service RBAC Reader"
          principal_id         = var.aks_rbac_reader_group_object_id
        }

        variable "aks_rbac_reader_group_object_id" {
          description = "Object ID of the Entra ID group granted read access to the cluster."
          type        = string
        }
      `,
    },
    {
      name: 'local accounts disabled, no Azure RBAC, empty admin group list',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          local_account_disabled = true
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ noAdmins
          azure_active_directory_role_based_access_control {
            admin_group_object_ids = []
          }
        }
      `,
    },
  ],
});

test('AUTH-002 fix is terraform fmt clean', (t) => {
  checkAllFixesFmtClean(t, rule, tf`
    resource "azurerm_kubernetes_cluster" "aks" {
      azure_active_directory_role_based_access_control {
        azure_rbac_enabled = true
      }
    }
  `);
});
