import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './kubernetes-provider-credentials';

ruleTests(rule, {
  valid: [
    {
      name: 'kubelogin exec against a cluster read through a data source (separate apply)',
      doc: true,
      files: tf`
        data "azurerm_kubernetes_cluster" "aks" {
          name                = "aks"
          resource_group_name = "rg"
        }

        provider "kubernetes" {
          host                   = data.azurerm_kubernetes_cluster.aks.kube_config[0].host
          cluster_ca_certificate = base64decode(data.azurerm_kubernetes_cluster.aks.kube_config[0].cluster_ca_certificate)
          exec {
            api_version = "client.authentication.k8s.io/v1beta1"
            command     = "kubelogin"
            args        = ["get-token", "--login", "azurecli", "--server-id", "6dae42f8-4368-4678-94ff-3960e28e3630"]
          }
        }

        resource "kubernetes_namespace_v1" "ci" {
          metadata {
            name = "ci"
          }
        }
      `,
    },
    {
      name: 'client certificate of a cluster without Entra integration, no Kubernetes resources in this apply',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
        }

        provider "kubernetes" {
          host                   = azurerm_kubernetes_cluster.aks.kube_config[0].host
          client_certificate     = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].client_certificate)
          client_key             = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].client_key)
          cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].cluster_ca_certificate)
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'client certificate from kube_config of an Entra cluster',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
          azure_active_directory_role_based_access_control {
            azure_rbac_enabled = true
          }
        }

        provider "kubernetes" {
          host                   = azurerm_kubernetes_cluster.aks.kube_config[0].host
          client_certificate     = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].client_certificate)
        # ^^^^^^^^^^^^^^^^^^ entraNoClientCert
          client_key             = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].client_key)
          cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].cluster_ca_certificate)
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
          azure_active_directory_role_based_access_control {
            azure_rbac_enabled = true
          }
        }

        provider "kubernetes" {
          host                   = azurerm_kubernetes_cluster.aks.kube_config[0].host
          cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].cluster_ca_certificate)

          exec {
            api_version = "client.authentication.k8s.io/v1beta1"
            command     = "kubelogin"
            args        = ["get-token", "--login", "azurecli", "--server-id", "6dae42f8-4368-4678-94ff-3960e28e3630"]
          }
        }
      `,
    },
    {
      name: 'kube_admin_config with local accounts disabled',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          local_account_disabled = true
        }

        provider "kubernetes" {
          host                   = azurerm_kubernetes_cluster.aks.kube_admin_config[0].host
        # ^^^^ adminConfigDisabled
          cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.aks.kube_admin_config[0].cluster_ca_certificate)
        }
      `,
    },
    {
      name: 'private cluster host through a local',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          private_cluster_enabled = true
        }

        locals {
          host = azurerm_kubernetes_cluster.aks.kube_config[0].host
        }

        provider "kubernetes" {
          host = local.host
        # ^^^^ privateEndpoint
          exec {
            api_version = "client.authentication.k8s.io/v1beta1"
            command     = "kubelogin"
            args        = ["get-token", "--login", "azurecli", "--server-id", "6dae42f8-4368-4678-94ff-3960e28e3630"]
          }
        }
      `,
    },
    {
      name: 'kubernetes provider stacked on a cluster created in the same module',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
        }

        provider "kubernetes" {
        #        ^^^^^^^^^^^^ stacking
          host                   = azurerm_kubernetes_cluster.aks.kube_config[0].host
          cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].cluster_ca_certificate)
        }

        resource "kubernetes_namespace_v1" "ci" {
          metadata {
            name = "ci"
          }
        }
      `,
    },
    {
      name: 'helm provider stacked on a cluster whose charts are installed by a child module',
      files: tf`
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          name = "aks"
        }

        provider "helm" {
        #        ^^^^^^ stacking
          kubernetes {
            host                   = azurerm_kubernetes_cluster.aks.kube_config[0].host
            cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.aks.kube_config[0].cluster_ca_certificate)
          }
        }

        module "apps" {
          source = "./apps"
        }
        --- apps/main.tf
        resource "helm_release" "ingress" {
          name  = "ingress"
          chart = "ingress-nginx"
        }
      `,
    },
    {
      name: 'exec mixed with a token',
      files: tf`
        variable "token" {
          type = string
        }

        provider "kubernetes" {
          host  = "https://aks.example.com"
          token = var.token
          exec {
        # ^^^^ mixedExec
            api_version = "client.authentication.k8s.io/v1beta1"
            command     = "kubelogin"
          }
        }
      `,
    },
  ],
});
