import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './workload-identity-needs-oidc-issuer';

const V4 = `terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.0"
            }
          }
        }`;

ruleTests(rule, {
  valid: [
    {
      name: 'both enabled',
      doc: true,
      files: tf`
        ${V4}
        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          oidc_issuer_enabled       = true
          workload_identity_enabled = true
        }
      `,
    },
    {
      name: 'azurerm 5.x (lock file): absent oidc_issuer_enabled defaults to true; unpinned: newest provider',
      files: tf`
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          workload_identity_enabled = true
        }
        --- .terraform.lock.hcl
        provider "registry.terraform.io/hashicorp/azurerm" {
          version = "5.2.0"
        }
        --- other/main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          workload_identity_enabled = true
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'azurerm 4.x without oidc_issuer_enabled',
      doc: true,
      files: tf`
        ${V4}
        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          workload_identity_enabled = true
        # ^^^^^^^^^^^^^^^^^^^^^^^^^ missing
        }
      `,
      output: tf`
        ${V4}
        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          workload_identity_enabled = true
          oidc_issuer_enabled       = true
        }
      `,
    },
    {
      name: 'explicitly disabled; enabled flag through a variable (tfvars)',
      files: tf`
        --- main.tf
        variable "wi" {
          default = false
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          oidc_issuer_enabled       = false
        # ^^^^^^^^^^^^^^^^^^^ disabled
          workload_identity_enabled = var.wi
        }
        --- terraform.tfvars
        wi = true
      `,
      output: tf`
        --- main.tf
        variable "wi" {
          default = false
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          oidc_issuer_enabled       = true
          workload_identity_enabled = var.wi
        }
      `,
    },
  ],
});
