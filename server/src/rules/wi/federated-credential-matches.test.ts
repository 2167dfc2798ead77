import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './federated-credential-matches';

const CLUSTER = `resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          oidc_issuer_enabled       = true
          workload_identity_enabled = true
        }

        resource "azurerm_user_assigned_identity" "orders" {
          name = "id-orders"
        }`;

/** n credentials of one identity, each for its own ServiceAccount (the last one annotated as the 21st). */
function credentials(n: number): string {
  return Array.from({ length: n }, (_, i) => `
        resource "azurerm_federated_identity_credential" "c${i + 1}" {
        ${i === 20 ? '#                                                ^^^^^ tooMany\n        ' : ''}  name                      = "c${i + 1}"
          user_assigned_identity_id = azurerm_user_assigned_identity.orders.id
          audience                  = ["api://AzureADTokenExchange"]
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "system:serviceaccount:shop:sa${i + 1}"
        }
`).join('');
}

ruleTests(rule, {
  valid: [
    {
      name: 'credential for a Terraform ServiceAccount, issuer from the cluster',
      doc: true,
      files: tf`
        ${CLUSTER}
        resource "azurerm_federated_identity_credential" "orders" {
          name                      = "shop-orders"
          user_assigned_identity_id = azurerm_user_assigned_identity.orders.id
          audience                  = ["api://AzureADTokenExchange"]
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "system:serviceaccount:shop:orders"
        }

        resource "kubernetes_service_account_v1" "orders" {
          metadata {
            name      = "orders"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.orders.client_id
            }
          }
        }
      `,
    },
    {
      name: 'GitHub Actions credential is not checked; literal AKS issuer; identity-binding audience; 20 credentials',
      files: tf`
        ${CLUSTER}
        resource "azurerm_federated_identity_credential" "github" {
          name      = "github"
          parent_id = azurerm_user_assigned_identity.orders.id
          audience  = ["api://AzureADTokenExchange"]
          issuer    = "https://token.actions.githubusercontent.com"
          subject   = "repo:contoso/app:ref:refs/heads/main"
        }

        resource "azuread_application_federated_identity_credential" "bind" {
          audiences = ["api://AKSIdentityBinding"]
          issuer    = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/"
          subject   = "system:serviceaccount:shop:orders"
        }
        ${credentials(19)}
      `,
    },
  ],
  invalid: [
    {
      name: 'subject is not a ServiceAccount subject; wrong audience',
      doc: true,
      files: tf`
        ${CLUSTER}
        resource "azurerm_federated_identity_credential" "orders" {
          name                      = "shop-orders"
          user_assigned_identity_id = azurerm_user_assigned_identity.orders.id
          audience                  = ["api://AzureAD"]
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ audience
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "orders"
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ subjectForm
        }
      `,
      output: tf`
        ${CLUSTER}
        resource "azurerm_federated_identity_credential" "orders" {
          name                      = "shop-orders"
          user_assigned_identity_id = azurerm_user_assigned_identity.orders.id
          audience                  = ["api://AzureADTokenExchange"]
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "orders"
        }
      `,
    },
    {
      name: 'literal issuer without the AKS form; subject names a ServiceAccount the YAML does not declare',
      files: tf`
        --- main.tf
        ${CLUSTER}
        locals {
          issuer = "https://westeurope.oic.prod-aks.azure.com/tenant/cluster"
        }

        resource "azurerm_federated_identity_credential" "orders" {
          name      = "shop-orders"
          parent_id = azurerm_user_assigned_identity.orders.id
          audience  = ["api://AzureADTokenExchange"]
          issuer    = "https://westeurope.oic.prod-aks.azure.com/tenant/cluster"
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ issuerLiteral
          subject   = "system:serviceaccount:shop:orders"
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ subjectNoServiceAccount
        }

        resource "azurerm_federated_identity_credential" "via_local" {
          name      = "shop-payments"
          parent_id = azurerm_user_assigned_identity.orders.id
          audience  = ["api://AzureADTokenExchange"]
          issuer    = local.issuer
        # ^^^^^^^^^^^^^^^^^^^^^^^^ issuerLiteral
          subject   = "system:serviceaccount:shop:payments"
        }
        --- sa.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: payments
          namespace: shop
      `,
      output: tf`
        --- main.tf
        ${CLUSTER}
        locals {
          issuer = "https://westeurope.oic.prod-aks.azure.com/tenant/cluster"
        }

        resource "azurerm_federated_identity_credential" "orders" {
          name      = "shop-orders"
          parent_id = azurerm_user_assigned_identity.orders.id
          audience  = ["api://AzureADTokenExchange"]
          issuer    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject   = "system:serviceaccount:shop:orders"
        }

        resource "azurerm_federated_identity_credential" "via_local" {
          name      = "shop-payments"
          parent_id = azurerm_user_assigned_identity.orders.id
          audience  = ["api://AzureADTokenExchange"]
          issuer    = local.issuer
          subject   = "system:serviceaccount:shop:payments"
        }
      `,
    },
    {
      name: 'Terraform ServiceAccount whose identity has no credential for it (default namespace)',
      files: tf`
        --- identity.tf
        ${CLUSTER}
        resource "azurerm_federated_identity_credential" "other" {
          name                      = "other"
          user_assigned_identity_id = azurerm_user_assigned_identity.orders.id
          audience                  = ["api://AzureADTokenExchange"]
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "system:serviceaccount:default:worker"
        }
        --- k8s.tf
        locals {
          client_id = azurerm_user_assigned_identity.orders.client_id
        }

        resource "kubernetes_service_account" "orders" {
          metadata {
            name = "orders"
            annotations = {
              "azure.workload.identity/client-id" = local.client_id
        #                                           ^^^^^^^^^^^^^^^ serviceAccountWithoutCredential
            }
          }
        }

        resource "kubernetes_service_account" "worker" {
          metadata {
            name = "worker"
          }
        }
      `,
      output: tf`
        --- identity.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name                      = "aks"
          oidc_issuer_enabled       = true
          workload_identity_enabled = true
        }

        resource "azurerm_user_assigned_identity" "orders" {
          name = "id-orders"
        }

        resource "azurerm_federated_identity_credential" "default_orders" {
          name                = "default-orders"
          parent_id           = azurerm_user_assigned_identity.orders.id
          resource_group_name = azurerm_user_assigned_identity.orders.resource_group_name
          audience            = ["api://AzureADTokenExchange"]
          issuer              = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject             = "system:serviceaccount:default:orders"
        }
        resource "azurerm_federated_identity_credential" "other" {
          name                      = "other"
          user_assigned_identity_id = azurerm_user_assigned_identity.orders.id
          audience                  = ["api://AzureADTokenExchange"]
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "system:serviceaccount:default:worker"
        }
      `,
    },
    {
      name: 'azurerm 5.x: the inserted credential uses user_assigned_identity_id',
      files: tf`
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
        }

        resource "azurerm_user_assigned_identity" "api" {
          name = "id-api"
        }

        resource "kubernetes_service_account_v1" "api" {
          metadata {
            name      = "api"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.api.client_id
        #                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ serviceAccountWithoutCredential
            }
          }
        }
        --- .terraform.lock.hcl
        provider "registry.terraform.io/hashicorp/azurerm" {
          version = "5.2.0"
        }
      `,
      output: tf`
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
        }

        resource "azurerm_user_assigned_identity" "api" {
          name = "id-api"
        }

        resource "azurerm_federated_identity_credential" "shop_api" {
          name                      = "shop-api"
          user_assigned_identity_id = azurerm_user_assigned_identity.api.id
          audience                  = ["api://AzureADTokenExchange"]
          issuer                    = azurerm_kubernetes_cluster.aks.oidc_issuer_url
          subject                   = "system:serviceaccount:shop:api"
        }

        resource "kubernetes_service_account_v1" "api" {
          metadata {
            name      = "api"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.api.client_id
            }
          }
        }
      `,
    },
    {
      name: 'more than 20 credentials on one identity',
      files: tf`
        ${CLUSTER}
        ${credentials(21)}
      `,
    },
  ],
});
