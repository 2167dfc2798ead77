import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './private-dns-zone-id-valid';

ruleTests(rule, {
  valid: [
    {
      name: 'private cluster with "System"',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = "System"
        }
      `,
    },
    {
      name: 'BYO zone with dns_prefix_private_cluster; None with public FQDN; zone id through a variable',
      files: tf`
        variable "zone_id" {
          default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io"
        }

        resource "azurerm_kubernetes_cluster" "byo" {
          name                       = "byo"
          dns_prefix_private_cluster = "byo"
          private_cluster_enabled    = true
          private_dns_zone_id        = azurerm_private_dns_zone.aks.id
        }

        resource "azurerm_kubernetes_cluster" "none" {
          name                                = "none"
          dns_prefix                          = "none"
          private_cluster_enabled             = true
          private_dns_zone_id                 = "None"
          private_cluster_public_fqdn_enabled = true
        }

        resource "azurerm_kubernetes_cluster" "var" {
          name                    = "var"
          dns_prefix              = "var"
          private_cluster_enabled = true
          private_dns_zone_id     = var.zone_id
        }
      `,
    },
    {
      name: 'private flag unknown: silent',
      files: tf`
        variable "private" {}

        resource "azurerm_kubernetes_cluster" "aks" {
          name                       = "aks"
          dns_prefix_private_cluster = "aks"
          private_cluster_enabled    = var.private
          private_dns_zone_id        = "System"
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'lower-case "system"',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = "system"
        #                           ^^^^^^^^ wrongCase
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = "System"
        }
      `,
    },
    {
      name: 'a zone name instead of an ID, on a public cluster; value through a local',
      files: tf`
        locals {
          zone = "privatelink.westeurope.azmk8s.io"
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          name                = "aks"
          dns_prefix          = "aks"
          private_dns_zone_id = local.zone
        # ^^^^^^^^^^^^^^^^^^^ invalidValue
        # ^^^^^^^^^^^^^^^^^^^ notPrivate
        }
      `,
    },
    {
      name: '"None" without the public FQDN',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                    = "aks"
          dns_prefix              = "aks"
          private_cluster_enabled = true
          private_dns_zone_id     = "None"
        # ^^^^^^^^^^^^^^^^^^^ noneDefaultFqdn

          default_node_pool {
            name = "system"
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                                = "aks"
          dns_prefix                          = "aks"
          private_cluster_enabled             = true
          private_dns_zone_id                 = "None"
          private_cluster_public_fqdn_enabled = true

          default_node_pool {
            name = "system"
          }
        }
      `,
    },
    {
      name: '"None" with the public FQDN explicitly off',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                                = "aks"
          dns_prefix                          = "aks"
          private_cluster_enabled             = true
          private_dns_zone_id                 = "None"
        # ^^^^^^^^^^^^^^^^^^^ noneNeedsPublicFqdn
          private_cluster_public_fqdn_enabled = false
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                                = "aks"
          dns_prefix                          = "aks"
          private_cluster_enabled             = true
          private_dns_zone_id                 = "None"
          private_cluster_public_fqdn_enabled = true
        }
      `,
    },
    {
      name: 'dns_prefix_private_cluster with the System zone; a cluster without any prefix',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          name                       = "aks"
          dns_prefix_private_cluster = "aks"
        # ^^^^^^^^^^^^^^^^^^^^^^^^^^ prefixNeedsCustomZone
          private_cluster_enabled    = true
        }

        resource "azurerm_kubernetes_cluster" "bare" {
        #                                     ^^^^^^ noDnsPrefix
          name = "bare"

          default_node_pool {
            name = "system"
          }
        }

        resource "azurerm_kubernetes_cluster" "existing" {
          name = "partial-snippet-without-a-node-pool"
        }
      `,
    },
  ],
});
