import { test } from 'node:test';
import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './acr-pull-on-kubelet-identity';
import { checkAllFixesFmtClean } from './fix-fmt-check.test';


ruleTests(rule, {
  valid: [
    { doc: true, files: tf`
      resource "azurerm_container_registry" "acr" {
        name = "acrprod"
        sku  = "Premium"
      }
      resource "azurerm_kubernetes_cluster" "aks" {
        name       = "aks-prod"
        dns_prefix = "aks-prod"

        identity {
          type = "SystemAssigned"
        }
      }
      resource "azurerm_role_assignment" "pull" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "AcrPull"
        principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
      }
    ` },
    { name: 'BYO kubelet UAI principal', files: tf`
      resource "azurerm_user_assigned_identity" "cp" {
        name = "id-aks-cp"
      }
      resource "azurerm_user_assigned_identity" "kubelet" {
        name = "id-aks-kubelet"
      }
      resource "azurerm_kubernetes_cluster" "aks" {
        identity {
          type         = "UserAssigned"
          identity_ids = [azurerm_user_assigned_identity.cp.id]
        }
        kubelet_identity {
          client_id                 = azurerm_user_assigned_identity.kubelet.client_id
          object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
          user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
        }
      }
      resource "azurerm_role_assignment" "pull" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "AcrPull"
        principal_id         = azurerm_user_assigned_identity.kubelet.principal_id
      }
    ` },
    { name: 'control-plane identity with a role that is not an image-pull role', files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        name       = "aks-prod"
        dns_prefix = "aks-prod"

        identity {
          type = "SystemAssigned"
        }
      }
      resource "azurerm_role_assignment" "net" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "Reader"
        principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
      }
    ` },
    { name: 'AcrPull to the control plane but on a storage account: not about image pulls', files: tf`
      resource "azurerm_kubernetes_cluster" "aks" {
        name       = "aks-prod"
        dns_prefix = "aks-prod"

        identity {
          type = "SystemAssigned"
        }
      }
      resource "azurerm_role_assignment" "x" {
        scope                = azurerm_storage_account.sa.id
        role_definition_name = "AcrPull"
        principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
      }
    ` },
    { name: 'literal principal GUID is not judged', files: tf`
      resource "azurerm_role_assignment" "pull" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "AcrPull"
        principal_id         = "00000000-0000-0000-0000-000000000001"
      }
    ` },
    { name: 'ABAC registry with Container Registry Repository Reader for the kubelet', files: tf`
      resource "azurerm_container_registry" "acr" {
        name                 = "acrprod"
        role_assignment_mode = "AbacRepositoryPermissions"
      }
      resource "azurerm_role_assignment" "pull" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "Container Registry Repository Reader"
        principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
      }
    ` },
    { name: 'one UAI for both control plane and kubelet (the doc sample) counts as kubelet', files: tf`
      resource "azurerm_user_assigned_identity" "aks" {
        name = "id-aks"
      }
      resource "azurerm_kubernetes_cluster" "aks" {
        identity {
          type         = "UserAssigned"
          identity_ids = [azurerm_user_assigned_identity.aks.id]
        }
        kubelet_identity {
          client_id                 = azurerm_user_assigned_identity.aks.client_id
          object_id                 = azurerm_user_assigned_identity.aks.principal_id
          user_assigned_identity_id = azurerm_user_assigned_identity.aks.id
        }
      }
      resource "azurerm_role_assignment" "pull" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "AcrPull"
        principal_id         = azurerm_user_assigned_identity.aks.principal_id
      }
    ` },
  ],
  invalid: [
    {
      name: 'AcrPull to the SystemAssigned control-plane identity',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name       = "aks-prod"
          dns_prefix = "aks-prod"

          identity {
            type = "SystemAssigned"
          }
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ wrongIdentity
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name       = "aks-prod"
          dns_prefix = "aks-prod"

          identity {
            type = "SystemAssigned"
          }
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
    },
    {
      name: 'control-plane UAI through a local, BYO kubelet UAI in the fix, role by GUID, cross-file',
      files: tf`
        --- identity.tf
        resource "azurerm_user_assigned_identity" "cp" {
          name = "id-aks-cp"
        }
        resource "azurerm_user_assigned_identity" "kubelet" {
          name = "id-aks-kubelet"
        }
        --- aks.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.cp.id]
          }
          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.kubelet.client_id
            object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
          }
        }
        --- acr.tf
        locals {
          cp_principal = azurerm_user_assigned_identity.cp.principal_id
        }
        resource "azurerm_role_assignment" "pull" {
          scope              = azurerm_container_registry.acr.id
          role_definition_id = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/7F951DDA-4ED3-4680-A7CA-43FE172D538D"
          principal_id       = local.cp_principal
        #                      ^^^^^^^^^^^^^^^^^^ wrongIdentity
        }
      `,
      output: tf`
        --- acr.tf
        locals {
          cp_principal = azurerm_user_assigned_identity.cp.principal_id
        }
        resource "azurerm_role_assignment" "pull" {
          scope              = azurerm_container_registry.acr.id
          role_definition_id = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/7F951DDA-4ED3-4680-A7CA-43FE172D538D"
          principal_id       = azurerm_user_assigned_identity.kubelet.principal_id
        }
      `,
    },
    {
      name: 'add-on identity (Key Vault CSI) with a literal registry ID scope',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrprod"
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ wrongIdentity
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrprod"
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
    },
    {
      name: 'ABAC-mode registry ignores AcrPull',
      files: tf`
        resource "azurerm_container_registry" "acr" {
          name                 = "acrprod"
          role_assignment_mode = "AbacRepositoryPermissions"
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "AcrPull"
        #                        ^^^^^^^^^ abacRegistry
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
      output: tf`
        resource "azurerm_container_registry" "acr" {
          name                 = "acrprod"
          role_assignment_mode = "AbacRepositoryPermissions"
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "Container Registry Repository Reader"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
    },
    {
      name: 'principal from a module output (no fix: the cluster lives in the child module)',
      files: tf`
        --- main.tf
        module "aks" {
          source = "./aks"
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "AcrPull"
          principal_id         = module.aks.cluster_principal_id
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ wrongIdentity
        }
        --- aks/main.tf
        resource "azurerm_kubernetes_cluster" "this" {
          identity {
            type = "SystemAssigned"
          }
        }
        output "cluster_principal_id" {
          value = azurerm_kubernetes_cluster.this.identity[0].principal_id
        }
      `,
    },
  ],
});

test('RA-002 fixes are terraform fmt clean', (t) => {
  checkAllFixesFmtClean(t, rule, tf`
    resource "azurerm_kubernetes_cluster" "aks" {
      name       = "aks-prod"
      dns_prefix = "aks-prod"

      identity {
        type = "SystemAssigned"
      }
    }
    resource "azurerm_role_assignment" "pull" {
      scope                = azurerm_container_registry.acr.id
      role_definition_name = "AcrPull"
      principal_id         = azurerm_kubernetes_cluster.aks.identity[0].principal_id
    }
  `);
});
