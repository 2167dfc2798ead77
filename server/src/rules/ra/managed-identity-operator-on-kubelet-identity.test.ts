import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './managed-identity-operator-on-kubelet-identity';

ruleTests(rule, {
  valid: [
    {
      name: 'the azurerm acceptance-test pattern',
      doc: true,
      files: tf`
        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "kubelet" {
          name                = "id-aks-kubelet"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "kubelet_operator" {
          scope                = azurerm_user_assigned_identity.kubelet.id
          role_definition_name = "Managed Identity Operator"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
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

          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.kubelet.client_id
            object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
          }

          depends_on = [azurerm_role_assignment.kubelet_operator]
        }
      `,
    },
    {
      name: 'role through role_definition_id (GUID) at the resource group of the kubelet identity',
      files: tf`
        resource "azurerm_resource_group" "aks" {
          name     = "rg-aks"
          location = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = azurerm_resource_group.aks.name
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "kubelet" {
          name                = "id-aks-kubelet"
          resource_group_name = azurerm_resource_group.aks.name
          location            = "westeurope"
        }

        resource "azurerm_role_assignment" "rg_operator" {
          scope              = azurerm_resource_group.aks.id
          role_definition_id = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/f1a07417-d97a-45cb-824c-7a7467783830"
          principal_id       = azurerm_user_assigned_identity.aks.principal_id
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

          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.kubelet.client_id
            object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
          }
        }
      `,
    },
    {
      name: 'no BYO kubelet identity: nothing required',
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
      name: 'BYO kubelet identity without the assignment',
      doc: true,
      files: tf`
        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "kubelet" {
          name                = "id-aks-kubelet"
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

          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.kubelet.client_id
            object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing
          }
        }
      `,
      output: tf`
        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "kubelet" {
          name                = "id-aks-kubelet"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                = "aks-prod"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "aks"
          depends_on          = [azurerm_role_assignment.aks_kubelet_operator]

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
          }

          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.kubelet.client_id
            object_id                 = azurerm_user_assigned_identity.kubelet.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
          }
        }

        resource "azurerm_role_assignment" "aks_kubelet_operator" {
          scope                = azurerm_user_assigned_identity.kubelet.id
          role_definition_name = "Managed Identity Operator"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'the role given to the kubelet identity itself, identities from a child module output',
      files: tf`
        --- main.tf
        module "identities" {
          source = "./identities"
        }

        resource "azurerm_role_assignment" "backwards" {
          scope                = module.identities.control_plane_id
          role_definition_name = "Managed Identity Operator"
          principal_id         = module.identities.kubelet_principal_id
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
            identity_ids = [module.identities.control_plane_id]
          }

          kubelet_identity {
            client_id                 = module.identities.kubelet_client_id
            object_id                 = module.identities.kubelet_principal_id
            user_assigned_identity_id = module.identities.kubelet_id
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing
          }
        }
        --- identities/main.tf
        resource "azurerm_user_assigned_identity" "cp" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "kubelet" {
          name                = "id-aks-kubelet"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        output "control_plane_id" {
          value = azurerm_user_assigned_identity.cp.id
        }

        output "kubelet_id" {
          value = azurerm_user_assigned_identity.kubelet.id
        }

        output "kubelet_client_id" {
          value = azurerm_user_assigned_identity.kubelet.client_id
        }

        output "kubelet_principal_id" {
          value = azurerm_user_assigned_identity.kubelet.principal_id
        }
      `,
    },
    {
      name: 'same identity for control plane and kubelet: warning',
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

          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.aks.client_id
            object_id                 = azurerm_user_assigned_identity.aks.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.aks.id
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ sameIdentity
          }
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
          depends_on          = [azurerm_role_assignment.aks_kubelet_operator]

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

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

        resource "azurerm_role_assignment" "aks_kubelet_operator" {
          scope                = azurerm_user_assigned_identity.aks.id
          role_definition_name = "Managed Identity Operator"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
  ],
});
