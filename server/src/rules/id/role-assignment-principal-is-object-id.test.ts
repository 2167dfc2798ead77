import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './role-assignment-principal-is-object-id';

ruleTests(rule, {
  valid: [
    {
      name: 'principal_id of the user-assigned identity and kubelet object_id',
      doc: true,
      files: tf`
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
        }

        resource "azurerm_role_assignment" "net" {
          scope                = "/subscriptions/0000/resourceGroups/rg-net"
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }

        resource "azurerm_role_assignment" "pull" {
          scope                = "/subscriptions/0000/resourceGroups/rg-acr"
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
    },
    {
      name: 'identity[0].principal_id of a SystemAssigned cluster',
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

        resource "azurerm_role_assignment" "net" {
          scope                = "/subscriptions/0000/resourceGroups/rg-net"
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'identity[0].principal_id of a UserAssigned cluster',
      doc: true,
      files: tf`
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
        }

        resource "azurerm_role_assignment" "net" {
          scope                = "/subscriptions/0000/resourceGroups/rg-net"
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ userAssignedPrincipal
        }
      `,
      output: tf`
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
        }

        resource "azurerm_role_assignment" "net" {
          scope                = "/subscriptions/0000/resourceGroups/rg-net"
          role_definition_name = "Network Contributor"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'client IDs: a UAI, the kubelet identity, and a key vault access policy',
      files: tf`
        resource "azurerm_user_assigned_identity" "app" {
          name                = "id-app"
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
            type = "SystemAssigned"
          }
        }

        resource "azurerm_role_assignment" "app" {
          scope                = "/subscriptions/0000/resourceGroups/rg-app"
          role_definition_name = "Reader"
          principal_id         = azurerm_user_assigned_identity.app.client_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clientId
        }

        resource "azurerm_role_assignment" "pull" {
          scope                = "/subscriptions/0000/resourceGroups/rg-acr"
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].client_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clientId
        }

        resource "azurerm_key_vault_access_policy" "csi" {
          key_vault_id       = "/subscriptions/0000/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv"
          tenant_id          = "11111111-1111-1111-1111-111111111111"
          object_id          = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].client_id
        #                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clientId
          secret_permissions = ["Get"]
        }
      `,
      output: tf`
        resource "azurerm_user_assigned_identity" "app" {
          name                = "id-app"
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
            type = "SystemAssigned"
          }
        }

        resource "azurerm_role_assignment" "app" {
          scope                = "/subscriptions/0000/resourceGroups/rg-app"
          role_definition_name = "Reader"
          principal_id         = azurerm_user_assigned_identity.app.principal_id
        }

        resource "azurerm_role_assignment" "pull" {
          scope                = "/subscriptions/0000/resourceGroups/rg-acr"
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }

        resource "azurerm_key_vault_access_policy" "csi" {
          key_vault_id       = "/subscriptions/0000/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv"
          tenant_id          = "11111111-1111-1111-1111-111111111111"
          object_id          = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
          secret_permissions = ["Get"]
        }
      `,
    },
    {
      name: 'client ID through a module output (no fix: the output may serve other readers) and kubelet of an SP cluster',
      files: tf`
        --- main.tf
        module "identity" {
          source = "./identity"
        }

        resource "azurerm_kubernetes_cluster" "legacy" {
          name                = "aks-legacy"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "legacy"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          service_principal {
            client_id     = "00000000-0000-0000-0000-000000000000"
            client_secret = "secret"
          }
        }

        resource "azurerm_role_assignment" "app" {
          scope                = "/subscriptions/0000/resourceGroups/rg-app"
          role_definition_name = "Reader"
          principal_id         = module.identity.client_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^ clientId
        }

        resource "azurerm_role_assignment" "pull" {
          scope                = "/subscriptions/0000/resourceGroups/rg-acr"
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.legacy.kubelet_identity[0].object_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ servicePrincipalKubelet
        }
        --- identity/main.tf
        resource "azurerm_user_assigned_identity" "this" {
          name                = "id-app"
          resource_group_name = "rg-app"
          location            = "westeurope"
        }

        output "client_id" {
          value = azurerm_user_assigned_identity.this.client_id
        }
      `,
    },
  ],
});
