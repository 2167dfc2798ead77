import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './role-name-exists';
import { checkAllFixesFmtClean } from './fix-fmt-check.test';

ruleTests(rule, {
  valid: [
    { doc: true, files: tf`
      resource "azurerm_role_assignment" "pull" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "AcrPull"
        principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
      }
    ` },
    { name: 'a non-AKS built-in role from the full catalogue', files: tf`
      resource "azurerm_role_assignment" "blob" {
        scope                = azurerm_storage_account.sa.id
        role_definition_name = "Storage Blob Data Reader"
        principal_id         = azurerm_user_assigned_identity.app.principal_id
      }
    ` },
    { name: 'custom role defined in another file of the workspace', files: tf`
      --- roles.tf
      resource "azurerm_role_definition" "puller" {
        name  = "ArcPull Custom"
        scope = data.azurerm_subscription.current.id
      }
      --- main.tf
      resource "azurerm_role_assignment" "custom" {
        scope                = azurerm_container_registry.acr.id
        role_definition_name = "ArcPull Custom"
        principal_id         = var.principal
      }
    ` },
    { name: 'name from a variable without a value is Unknown: skipped', files: tf`
      variable "role" {}
      resource "azurerm_role_assignment" "x" {
        scope                = var.scope
        role_definition_name = var.role
        principal_id         = var.principal
      }
    ` },
    { name: 'for_each roles are known per instance only', files: tf`
      resource "azurerm_role_assignment" "x" {
        for_each             = toset(var.roles)
        scope                = var.scope
        role_definition_name = each.value
        principal_id         = var.principal
      }
    ` },
    { name: 'role_definition_id instead of a name', files: tf`
      resource "azurerm_role_assignment" "x" {
        scope              = var.scope
        role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d"
        principal_id       = var.principal
      }
    ` },
    { name: 'an unknown name is not reported while some custom role name is Unknown', files: tf`
      resource "azurerm_role_definition" "d" {
        name  = "${"${"}var.prefix}-role"
        scope = var.scope
      }
      resource "azurerm_role_assignment" "x" {
        scope                = var.scope
        role_definition_name = "Team Specific Deployer"
        principal_id         = var.principal
      }
    ` },
  ],
  invalid: [
    {
      name: 'the seed typo ArcPull',
      doc: true,
      files: tf`
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "ArcPull"
        #                        ^^^^^^^^^ misspelled
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
      output: tf`
        resource "azurerm_role_assignment" "pull" {
          scope                = azurerm_container_registry.acr.id
          role_definition_name = "AcrPull"
          principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
        }
      `,
    },
    {
      name: 'case-only difference is info',
      files: tf`
        resource "azurerm_role_assignment" "pull" {
          scope                = var.acr_id
          role_definition_name = "acrpull"
        #                        ^^^^^^^^^ caseOnly
          principal_id         = var.kubelet_object_id
        }
      `,
      output: tf`
        resource "azurerm_role_assignment" "pull" {
          scope                = var.acr_id
          role_definition_name = "AcrPull"
          principal_id         = var.kubelet_object_id
        }
      `,
    },
    {
      name: 'value from terraform.tfvars: the fix edits the tfvars entry',
      files: tf`
        --- main.tf
        variable "pull_role" {
          type = string
        }
        resource "azurerm_role_assignment" "pull" {
          scope                = var.acr_id
          role_definition_name = var.pull_role
        #                        ^^^^^^^^^^^^^ misspelled
          principal_id         = var.kubelet_object_id
        }
        --- terraform.tfvars
        pull_role = "Network Contributer"
      `,
      output: tf`
        --- terraform.tfvars
        pull_role = "Network Contributor"
      `,
    },
    {
      name: 'value from a local built with format()',
      files: tf`
        locals {
          kv_role = format("Key Vault %s User", "Secret")
        }
        resource "azurerm_role_assignment" "kv" {
          scope                = var.kv_id
          role_definition_name = local.kv_role
        #                        ^^^^^^^^^^^^^ misspelled
          principal_id         = var.csi_object_id
        }
      `,
      output: tf`
        locals {
          kv_role = format("Key Vault %s User", "Secret")
        }
        resource "azurerm_role_assignment" "kv" {
          scope              = var.kv_id
          role_definition_id = "${'${'}data.azurerm_subscription.current.id}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6"
          principal_id       = var.csi_object_id
        }

        data "azurerm_subscription" "current" {}
      `,
    },
    {
      name: 'suggestions include custom roles of the workspace',
      files: tf`
        resource "azurerm_role_definition" "d" {
          name  = "AKS Image Puller"
          scope = var.scope
        }
        resource "azurerm_role_assignment" "x" {
          scope                = var.scope
          role_definition_name = "AKS Image Pulller"
        #                        ^^^^^^^^^^^^^^^^^^^ misspelled
          principal_id         = var.principal
        }
      `,
      output: tf`
        resource "azurerm_role_definition" "d" {
          name  = "AKS Image Puller"
          scope = var.scope
        }
        resource "azurerm_role_assignment" "x" {
          scope                = var.scope
          role_definition_name = "AKS Image Puller"
          principal_id         = var.principal
        }
      `,
    },
    {
      name: 'a name close to nothing is a warning without a fix',
      files: tf`
        resource "azurerm_role_assignment" "x" {
          scope                = var.scope
          role_definition_name = "Platform Deployer"
        #                        ^^^^^^^^^^^^^^^^^^^ unknownRole
          principal_id         = var.principal
        }
      `,
    },
    {
      name: 'a child module is checked too',
      files: tf`
        --- main.tf
        module "aks" {
          source = "./modules/aks"
        }
        --- modules/aks/main.tf
        resource "azurerm_role_assignment" "dns" {
          scope                = var.zone_id
          role_definition_name = "Private DNS Zone Contributer"
        #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ misspelled
          principal_id         = var.principal
        }
      `,
      output: tf`
        --- modules/aks/main.tf
        resource "azurerm_role_assignment" "dns" {
          scope                = var.zone_id
          role_definition_name = "Private DNS Zone Contributor"
          principal_id         = var.principal
        }
      `,
    },
  ],
});

test('every RA-001 fix is terraform fmt clean, incl. "Use role_definition_id instead"', (t) => {
  const fixed = checkAllFixesFmtClean(t, rule, tf`
    data "azurerm_subscription" "primary" {}

    resource "azurerm_role_assignment" "pull" {
      scope                = azurerm_container_registry.acr.id
      role_definition_name = "ArcPull"
      principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id
    }
  `);
  assert.deepEqual([...fixed.keys()], ['Change to "AcrPull"', 'Use role_definition_id instead (AcrPull, scoped to the subscription)']);
  const viaId = fixed.get('Use role_definition_id instead (AcrPull, scoped to the subscription)')!.get('main.tf')!;
  assert.match(viaId, /\n  role_definition_id = "\$\{data\.azurerm_subscription\.primary\.id\}\/providers\/Microsoft\.Authorization\/roleDefinitions\/7f951dda-4ed3-4680-a7ca-43fe172d538d"\n/);
  assert.ok(!viaId.includes('role_definition_name'));
});
