import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './service-cidr-dns-ip-consistent';

ruleTests(rule, {
  valid: [
    {
      name: 'DNS service IP is the .10 of the service range',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/16"
            dns_service_ip = "10.200.0.10"
          }
        }
      `,
    },
    {
      name: 'both omitted: AKS defaults agree',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
          }
        }
      `,
    },
    {
      name: 'dual-stack service_cidrs and values from a variable without a value',
      files: tf`
        variable "dns_ip" {
          type = string
        }

        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidrs  = ["10.200.0.0/16", "fd12:3456:789a:1::/108"]
            dns_service_ip = var.dns_ip
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'DNS service IP outside the service range',
      doc: true,
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/16"
            dns_service_ip = "10.0.0.10"
        #   ^^^^^^^^^^^^^^ dnsOutside
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/16"
            dns_service_ip = "10.200.0.10"
          }
        }
      `,
    },
    {
      name: 'DNS service IP is the kubernetes Service IP (network + 1)',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/16"
            dns_service_ip = "10.200.0.1"
        #   ^^^^^^^^^^^^^^ dnsReserved
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/16"
            dns_service_ip = "10.200.0.10"
          }
        }
      `,
    },
    {
      name: 'service_cidr without dns_service_ip',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "172.16.0.0/16"
        #   ^^^^^^^^^^^^ pairMissing
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "172.16.0.0/16"
            dns_service_ip = "172.16.0.10"
          }
        }
      `,
    },
    {
      name: 'dns_service_ip without service_cidr',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "kubenet"
            dns_service_ip = "10.0.0.10"
        #   ^^^^^^^^^^^^^^ pairMissing
          }
        }
      `,
      output: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "kubenet"
            dns_service_ip = "10.0.0.10"
            service_cidr   = "10.0.0.0/16"
          }
        }
      `,
    },
    {
      name: 'values from tfvars and locals: outside the range, no fix for a reference',
      files: tf`
        --- variables.tf
        variable "service_cidr" {
          type = string
        }

        locals {
          dns_ip = "10.0.0.10"
        }
        --- prod.auto.tfvars
        service_cidr = "10.200.0.0/16"
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = var.service_cidr
            dns_service_ip = local.dns_ip
        #   ^^^^^^^^^^^^^^ dnsOutside
          }
        }
      `,
    },
    {
      name: 'a /8 service range is too large',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.0.0.0/8"
        #   ^^^^^^^^^^^^ prefixTooLarge
            dns_service_ip = "10.0.0.10"
          }
        }
      `,
    },
    {
      name: 'a /12 service range: warning',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.32.0.0/12"
        #   ^^^^^^^^^^^^ prefix12
            dns_service_ip = "10.32.0.10"
          }
        }
      `,
    },
    {
      name: 'a /30 service range is too small',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/30"
        #   ^^^^^^^^^^^^ tooSmall
            dns_service_ip = "10.200.0.2"
          }
        }
      `,
    },
    {
      name: 'not an IPv4 address / not a CIDR',
      files: tf`
        resource "azurerm_kubernetes_cluster" "aks" {
          network_profile {
            network_plugin = "azure"
            service_cidr   = "10.200.0.0/33"
        #   ^^^^^^^^^^^^ invalidCidr
            dns_service_ip = "10.200.0.300"
        #   ^^^^^^^^^^^^^^ invalidIp
          }
        }
      `,
    },
  ],
});
