import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './network-plugin-combination-valid';

ruleTests(rule, {
  valid: [
    {
      name: 'Azure CNI Overlay with a pod CIDR',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
            pod_cidr            = "10.244.0.0/16"
          }
        }
      `,
    },
    {
      name: 'Cilium data plane with Cilium policy on overlay (azurerm v3 ebpf_data_plane)',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
            network_policy      = "cilium"
            ebpf_data_plane     = "cilium"
          }
        }
      `,
    },
    {
      name: 'Cilium data plane with a pod subnet on a separate node pool',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin     = "azure"
            network_data_plane = "cilium"
          }
        }

        resource "azurerm_kubernetes_cluster_node_pool" "user" {
          kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
          pod_subnet_id         = azurerm_subnet.pods.id
        }
      `,
    },
    {
      name: 'plugin from a variable without a value: silent',
      files: tf`
        variable "plugin" {
          type = string
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = var.plugin
            pod_cidr       = "10.244.0.0/16"
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'pod_cidr with Azure CNI but no overlay mode',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            pod_cidr       = "10.244.0.0/16"
        #   ^^^^^^^^ podCidrNeedsOverlay
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            pod_cidr            = "10.244.0.0/16"
            network_plugin_mode = "overlay"
          }
        }
      `,
    },
    {
      name: 'no network_profile: azurerm uses kubenet',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
        #                                     ^^^^^ kubenetRetiring
          default_node_pool {
            name       = "system"
            node_count = 3
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          default_node_pool {
            name       = "system"
            node_count = 3
          }

          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
            pod_cidr            = "10.244.0.0/16"
          }
        }
      `,
    },
    {
      name: 'kubenet from tfvars with Azure NPM',
      files: tf`
        --- variables.tf
        variable "plugin" {
          type = string
        }
        --- terraform.tfvars
        plugin = "kubenet"
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = var.plugin
        #   ^^^^^^^^^^^^^^ kubenetRetiring
            network_policy = "azure"
        #   ^^^^^^^^^^^^^^ azurePolicyNeedsAzurePlugin
        #   ^^^^^^^^^^^^^^ azureNpmRetiring
          }
        }
      `,
    },
    {
      name: 'kubenet literal: switch to overlay in place',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "kubenet"
        #   ^^^^^^^^^^^^^^ kubenetRetiring
            pod_cidr       = "10.244.0.0/16"
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            pod_cidr            = "10.244.0.0/16"
            network_plugin_mode = "overlay"
          }
        }
      `,
    },
    {
      name: 'Cilium policy without the Cilium data plane',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
            network_policy      = "cilium"
        #   ^^^^^^^^^^^^^^ ciliumPolicyNeedsCiliumDataPlane
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
            network_policy      = "cilium"
            network_data_plane  = "cilium"
          }
        }
      `,
    },
    {
      name: 'Cilium data plane on the node subnet',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin     = "azure"
            network_data_plane = "cilium"
        #   ^^^^^^^^^^^^^^^^^^ ciliumDataPlaneNeedsOverlay
          }
        }
      `,
    },
    {
      name: 'overlay mode and network_mode with a non-azure plugin',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "none"
            network_plugin_mode = "overlay"
        #   ^^^^^^^^^^^^^^^^^^^ overlayNeedsAzurePlugin
            network_mode        = "transparent"
        #   ^^^^^^^^^^^^ networkModeNeedsAzurePlugin
          }
        }
      `,
    },
    {
      name: 'values are case-sensitive',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "Azure"
        #   ^^^^^^^^^^^^^^ valueCasing
            network_plugin_mode = "Overlay"
        #   ^^^^^^^^^^^^^^^^^^^ valueCasing
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin      = "azure"
            network_plugin_mode = "overlay"
          }
        }
      `,
    },
  ],
});
