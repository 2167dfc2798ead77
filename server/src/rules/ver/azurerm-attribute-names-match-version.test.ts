import { test } from 'node:test';
import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './azurerm-attribute-names-match-version';
import { checkAllFixesFmtClean } from '../ra/fix-fmt-check.test';

ruleTests(rule, {
  valid: [
    { doc: true, files: tf`
      terraform {
        required_providers {
          azurerm = {
            source  = "hashicorp/azurerm"
            version = "~> 4.0"
          }
        }
      }
      resource "azurerm_kubernetes_cluster" "aks" {
        default_node_pool {
          name                 = "system"
          vm_size              = "Standard_D4s_v5"
          auto_scaling_enabled = true
          min_count            = 3
          max_count            = 6
        }
        azure_active_directory_role_based_access_control {
          azure_rbac_enabled = true
        }
      }
    ` },
    { name: 'v3 pin accepts the 3.x names', files: tf`
      terraform {
        required_providers {
          azurerm = {
            source  = "hashicorp/azurerm"
            version = ">= 3.50, < 4.0"
          }
        }
      }
      resource "azurerm_kubernetes_cluster_node_pool" "user" {
        enable_auto_scaling = true
      }
      resource "azurerm_kubernetes_cluster" "aks" {
        automatic_channel_upgrade = "stable"
        azure_active_directory_role_based_access_control {
          managed = true
        }
      }
    ` },
    { name: 'lock 4.60: parent_id is still the current name', files: tf`
      --- .terraform.lock.hcl
      provider "registry.terraform.io/hashicorp/azurerm" {
        version = "4.60.0"
      }
      --- main.tf
      resource "azurerm_federated_identity_credential" "fic" {
        name                = "fic"
        resource_group_name = "rg"
        parent_id           = azurerm_user_assigned_identity.app.id
      }
    ` },
    { name: 'custom_ca_trust_certificates_base64 is back from 4.36.0', files: tf`
      --- .terraform.lock.hcl
      provider "registry.terraform.io/hashicorp/azurerm" {
        version = "4.40.0"
      }
      --- main.tf
      resource "azurerm_kubernetes_cluster" "aks" {
        custom_ca_trust_certificates_base64 = [var.ca]
      }
    ` },
    { name: 'service_mesh_profile with revisions on 4.x', files: tf`
      terraform {
        required_providers {
          azurerm = {
            source  = "hashicorp/azurerm"
            version = "~> 4.0"
          }
        }
      }
      resource "azurerm_kubernetes_cluster" "aks" {
        service_mesh_profile {
          mode      = "Istio"
          revisions = ["asm-1-25"]
        }
      }
    ` },
  ],
  invalid: [
    {
      name: 'azurerm 4.x: renamed and removed names of the catalogue example',
      doc: true,
      files: tf`
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.0"
            }
          }
        }
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name                = "system"
            vm_size             = "Standard_D4s_v5"
            enable_auto_scaling = true
        #   ^^^^^^^^^^^^^^^^^^^ removed
            min_count           = 3
            max_count           = 6
          }
          azure_active_directory_role_based_access_control {
            managed            = true
        #   ^^^^^^^ removed
            azure_rbac_enabled = true
          }
        }
      `,
      output: tf`
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.0"
            }
          }
        }
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name                 = "system"
            vm_size              = "Standard_D4s_v5"
            auto_scaling_enabled = true
            min_count            = 3
            max_count            = 6
          }
          azure_active_directory_role_based_access_control {
            azure_rbac_enabled = true
          }
        }
      `,
    },
    {
      name: 'azurerm 3.x pin with a 4.x name; node pool resource',
      files: tf`
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 3.117"
            }
          }
        }
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name                   = "user"
          host_encryption_enabled = true
        # ^^^^^^^^^^^^^^^^^^^^^^^ tooNew
        }
      `,
      output: tf`
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 3.117"
            }
          }
        }
        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          name                   = "user"
          enable_host_encryption = true
        }
      `,
    },
    {
      name: 'azurerm 5.x: enable_rbac_authorization and parent_id are gone (rename also drops resource_group_name)',
      files: tf`
        --- versions.tf
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "= 5.2.0"
            }
          }
        }
        --- main.tf
        resource "azurerm_key_vault" "kv" {
          name                      = "kv-prod"
          enable_rbac_authorization = true
        # ^^^^^^^^^^^^^^^^^^^^^^^^^ removed
        }
        resource "azurerm_federated_identity_credential" "fic" {
          name                = "fic"
          resource_group_name = "rg"
          parent_id           = azurerm_user_assigned_identity.app.id
        # ^^^^^^^^^ removed
          audience            = ["api://AzureADTokenExchange"]
        }
      `,
      output: tf`
        --- main.tf
        resource "azurerm_key_vault" "kv" {
          name                       = "kv-prod"
          rbac_authorization_enabled = true
        }
        resource "azurerm_federated_identity_credential" "fic" {
          name                      = "fic"
          user_assigned_identity_id = azurerm_user_assigned_identity.app.id
          audience                  = ["api://AzureADTokenExchange"]
        }
      `,
    },
    {
      name: 'lock file 4.70: parent_id deprecated (info) with a rename fix',
      files: tf`
        --- .terraform.lock.hcl
        provider "registry.terraform.io/hashicorp/azurerm" {
          version = "4.70.0"
        }
        --- main.tf
        resource "azurerm_federated_identity_credential" "fic" {
          name      = "fic"
          parent_id = azurerm_user_assigned_identity.app.id
        # ^^^^^^^^^ deprecated
        }
      `,
      output: tf`
        --- main.tf
        resource "azurerm_federated_identity_credential" "fic" {
          name                      = "fic"
          user_assigned_identity_id = azurerm_user_assigned_identity.app.id
        }
      `,
    },
    {
      name: 'api_server_access_profile.subnet_id on ~> 4.0: re-added in some 4.x release, so a hint only',
      files: tf`
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.0"
            }
          }
        }
        resource "azurerm_kubernetes_cluster" "aks" {
          api_server_access_profile {
            subnet_id = azurerm_subnet.api.id
        #   ^^^^^^^^^ hint
          }
        }
      `,
    },
    {
      name: 'unknown version: info hint only, no fix',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          automatic_channel_upgrade = "stable"
        # ^^^^^^^^^^^^^^^^^^^^^^^^^ hint
        }
      `,
    },
    {
      name: 'child module inherits the caller pin; missing required revisions; AvailabilitySet',
      files: tf`
        --- main.tf
        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.10"
            }
          }
        }
        module "aks" {
          source = "./modules/aks"
        }
        --- modules/aks/main.tf
        resource "azurerm_kubernetes_cluster" "this" {
          default_node_pool {
            name = "system"
            type = "AvailabilitySet"
        #          ^^^^^^^^^^^^^^^^^ removed
          }
          service_mesh_profile {
        # ^^^^^^^^^^^^^^^^^^^^ missingRequired
            mode = "Istio"
          }
        }
      `,
    },
  ],
});

test('VER-001 fixes are terraform fmt clean', (t) => {
  checkAllFixesFmtClean(t, rule, tf`
    terraform {
      required_providers {
        azurerm = {
          source  = "hashicorp/azurerm"
          version = "~> 4.0"
        }
      }
    }

    resource "azurerm_kubernetes_cluster" "aks" {
      name                      = "aks"
      automatic_channel_upgrade = "stable"
      node_os_channel_upgrade   = "NodeImage"

      network_profile {
        network_plugin     = "azure"
        docker_bridge_cidr = "172.17.0.1/16"
      }
    }
  `);
});
