import { test } from 'node:test';
import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './key-vault-role-effective';
import { checkAllFixesFmtClean } from './fix-fmt-check.test';

ruleTests(rule, {
  valid: [
    { doc: true, files: tf`
      resource "azurerm_key_vault" "kv" {
        name                       = "kv-prod"
        rbac_authorization_enabled = true
      }
      resource "azurerm_role_assignment" "csi" {
        scope                = azurerm_key_vault.kv.id
        role_definition_name = "Key Vault Secrets User"
        principal_id         = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
      }
    ` },
    { name: 'flag from a variable default', files: tf`
      variable "rbac" {
        default = true
      }
      resource "azurerm_key_vault" "kv" {
        name                      = "kv-prod"
        enable_rbac_authorization = var.rbac
      }
      resource "azurerm_role_assignment" "csi" {
        scope                = azurerm_key_vault.kv.id
        role_definition_name = "Key Vault Secrets User"
        principal_id         = var.principal
      }
    ` },
    { name: 'flag not statically known', files: tf`
      variable "rbac" {
        type = bool
      }
      resource "azurerm_key_vault" "kv" {
        name                       = "kv-prod"
        rbac_authorization_enabled = var.rbac
      }
      resource "azurerm_role_assignment" "csi" {
        scope                = azurerm_key_vault.kv.id
        role_definition_name = "Key Vault Secrets User"
        principal_id         = var.principal
      }
    ` },
    { name: 'management-plane role on an access-policy vault', files: tf`
      resource "azurerm_key_vault" "kv" {
        name = "kv-prod"
      }
      resource "azurerm_role_assignment" "ops" {
        scope                = azurerm_key_vault.kv.id
        role_definition_name = "Key Vault Contributor"
        principal_id         = var.ops_group
      }
    ` },
    { name: 'vault from a data source (its model is not visible)', files: tf`
      data "azurerm_key_vault" "kv" {
        name                = "kv-prod"
        resource_group_name = "rg"
      }
      resource "azurerm_role_assignment" "csi" {
        scope                = data.azurerm_key_vault.kv.id
        role_definition_name = "Key Vault Secrets User"
        principal_id         = var.principal
      }
    ` },
  ],
  invalid: [
    {
      name: 'data role on a vault without RBAC authorization (azurerm 4.x default false)',
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
        resource "azurerm_key_vault" "kv" {
          name     = "kv-prod"
          sku_name = "standard"
        }
        resource "azurerm_role_assignment" "csi" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Secrets User"
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^ accessPolicyVault
          principal_id         = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
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
        resource "azurerm_key_vault" "kv" {
          name                      = "kv-prod"
          sku_name                  = "standard"
          enable_rbac_authorization = true
        }
        resource "azurerm_role_assignment" "csi" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Secrets User"
          principal_id         = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
        }
      `,
    },
    {
      name: 'lock file at 4.57 picks rbac_authorization_enabled; vault in another file',
      files: tf`
        --- .terraform.lock.hcl
        provider "registry.terraform.io/hashicorp/azurerm" {
          version     = "4.57.0"
          constraints = "~> 4.0"
        }
        --- kv.tf
        resource "azurerm_key_vault" "kv" {
          name = "kv-prod"
        }
        --- main.tf
        resource "azurerm_role_assignment" "csi" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Certificate User"
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ accessPolicyVault
          principal_id         = var.principal
        }
      `,
      output: tf`
        --- kv.tf
        resource "azurerm_key_vault" "kv" {
          name                       = "kv-prod"
          rbac_authorization_enabled = true
        }
      `,
    },
    {
      name: 'explicit false is flipped in place',
      files: tf`
        resource "azurerm_key_vault" "kv" {
          name                      = "kv-prod"
          enable_rbac_authorization = false
        }
        resource "azurerm_role_assignment" "admin" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Administrator"
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^ accessPolicyVault
          principal_id         = var.admins
        }
      `,
      output: tf`
        resource "azurerm_key_vault" "kv" {
          name                      = "kv-prod"
          enable_rbac_authorization = true
        }
        resource "azurerm_role_assignment" "admin" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Administrator"
          principal_id         = var.admins
        }
      `,
    },
    {
      name: 'Key Vault Reader for the CSI add-on identity',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }
        }
        resource "azurerm_key_vault" "kv" {
          name                       = "kv-prod"
          rbac_authorization_enabled = true
        }
        resource "azurerm_role_assignment" "csi" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Reader"
        #                        ^^^^^^^^^^^^^^^^^^ cannotReadValues
          principal_id         = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }
        }
        resource "azurerm_key_vault" "kv" {
          name                       = "kv-prod"
          rbac_authorization_enabled = true
        }
        resource "azurerm_role_assignment" "csi" {
          scope                = azurerm_key_vault.kv.id
          role_definition_name = "Key Vault Secrets User"
          principal_id         = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].object_id
        }
      `,
    },
  ],
});

test('RA-006 fixes are terraform fmt clean', (t) => {
  checkAllFixesFmtClean(t, rule, tf`
    resource "azurerm_key_vault" "kv" {
      name                = "kv-prod"
      location            = "westeurope"
      resource_group_name = "rg"

      network_acls {
        default_action = "Deny"
        bypass         = "AzureServices"
      }
    }
    resource "azurerm_role_assignment" "csi" {
      scope                = azurerm_key_vault.kv.id
      role_definition_name = "Key Vault Secrets User"
      principal_id         = var.principal
    }
  `);
});
