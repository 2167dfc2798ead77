import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './identity-blocks-well-formed';

ruleTests(rule, {
  valid: [
    {
      name: 'user-assigned control plane with its own kubelet identity',
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
          }
        }
      `,
    },
    {
      name: 'system-assigned without kubelet_identity; type from a tfvars value',
      files: tf`
        --- variables.tf
        variable "identity_type" {
          type    = string
          default = "UserAssigned"
        }
        --- terraform.tfvars
        identity_type = "SystemAssigned"
        --- main.tf
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
            type = var.identity_type
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'user-assigned control plane without kubelet_identity: add a new kubelet identity and its operator role',
      doc: true,
      files: tf`
        resource "azurerm_user_assigned_identity" "aks" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                = "aks-prod"
          location            = var.location
          resource_group_name = azurerm_resource_group.aks.name
          dns_prefix          = "aks"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
        # ^^^^^^^^ kubeletMissing
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.aks.id]
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
          location            = var.location
          resource_group_name = azurerm_resource_group.aks.name
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
            client_id                 = azurerm_user_assigned_identity.aks_kubelet.client_id
            object_id                 = azurerm_user_assigned_identity.aks_kubelet.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.aks_kubelet.id
          }
        }

        resource "azurerm_user_assigned_identity" "aks_kubelet" {
          name                = "aks-prod-kubelet"
          resource_group_name = azurerm_resource_group.aks.name
          location            = var.location
        }

        resource "azurerm_role_assignment" "aks_kubelet_operator" {
          scope                = azurerm_user_assigned_identity.aks_kubelet.id
          role_definition_name = "Managed Identity Operator"
          principal_id         = azurerm_user_assigned_identity.aks.principal_id
        }
      `,
    },
    {
      name: 'reuses the existing kubelet identity (not the workload one); control plane through a local; depends_on appended',
      files: tf`
        --- identities.tf
        resource "azurerm_user_assigned_identity" "control_plane" {
          name                = "id-aks"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "nodes" {
          name                = "id-aks-kubelet"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "workload" {
          name                = "id-workload-kubelet-reader"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_federated_identity_credential" "workload" {
          name                = "fic"
          resource_group_name = "rg-aks"
          parent_id           = azurerm_user_assigned_identity.workload.id
          audience            = ["api://AzureADTokenExchange"]
          issuer              = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject             = "system:serviceaccount:app:app"
        }

        locals {
          control_plane_ids = [azurerm_user_assigned_identity.control_plane.id]
        }
        --- main.tf
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
        # ^^^^^^^^ kubeletMissing
            type         = "UserAssigned"
            identity_ids = local.control_plane_ids
          }

          depends_on = [azurerm_user_assigned_identity.control_plane]
        }
      `,
      output: tf`
        --- main.tf
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
            identity_ids = local.control_plane_ids
          }

          kubelet_identity {
            client_id                 = azurerm_user_assigned_identity.nodes.client_id
            object_id                 = azurerm_user_assigned_identity.nodes.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.nodes.id
          }

          depends_on = [azurerm_user_assigned_identity.control_plane, azurerm_role_assignment.aks_kubelet_operator]
        }

        resource "azurerm_role_assignment" "aks_kubelet_operator" {
          scope                = azurerm_user_assigned_identity.nodes.id
          role_definition_name = "Managed Identity Operator"
          principal_id         = azurerm_user_assigned_identity.control_plane.principal_id
        }
      `,
    },
    {
      name: 'the catalogue example: SystemAssigned with a partial kubelet_identity',
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
            type = "SystemAssigned"
          }

          kubelet_identity {
        # ^^^^^^^^^^^^^^^^ kubeletNeedsUserAssigned
        # ^^^^^^^^^^^^^^^^ kubeletIncomplete
            user_assigned_identity_id = azurerm_user_assigned_identity.kubelet.id
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
      name: 'identity type and identity_ids problems; kubelet fields from different identities',
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
            type = "SystemAssigned, UserAssigned"
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ identityType
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
            type = "UserAssigned"
        #   ^^^^^^^^^^^^^^^^^^^^^ identityIdsMissing
          }
        }

        resource "azurerm_kubernetes_cluster" "c" {
          name                = "aks-c"
          location            = "westeurope"
          resource_group_name = "rg-aks"
          dns_prefix          = "c"

          default_node_pool {
            name       = "system"
            vm_size    = "Standard_D4s_v5"
            node_count = 3
          }

          identity {
            type         = "UserAssigned"
            identity_ids = [azurerm_user_assigned_identity.one.id, azurerm_user_assigned_identity.two.id]
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ identityIdsMany
          }

          kubelet_identity {
        # ^^^^^^^^^^^^^^^^ kubeletMixed
            client_id                 = azurerm_user_assigned_identity.one.client_id
            object_id                 = azurerm_user_assigned_identity.two.principal_id
            user_assigned_identity_id = azurerm_user_assigned_identity.two.id
          }
        }

        resource "azurerm_user_assigned_identity" "one" {
          name                = "id-one"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }

        resource "azurerm_user_assigned_identity" "two" {
          name                = "id-two"
          resource_group_name = "rg-aks"
          location            = "westeurope"
        }
      `,
    },
  ],
});
