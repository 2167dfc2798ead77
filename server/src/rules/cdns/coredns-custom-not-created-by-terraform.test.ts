import { test } from 'node:test';
import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { assertFmtClean } from './cdns-helpers.test';
import { rule } from './coredns-custom-not-created-by-terraform';

const TF_CATALOGUE_FIXED = tf`
  resource "kubernetes_config_map_v1_data" "coredns_custom" {
    metadata {
      name      = "coredns-custom"
      namespace = "kube-system"
    }
    data = {
      "log.override" = "log"
    }
    force = true
  }
`;
const TF_CLEANED_FIXED = tf`
  --- main.tf
  resource "kubernetes_config_map_v1_data" "coredns_custom" {
    metadata {
      name      = var.coredns_configmap
      namespace = "kube-system"
    }
    data = { "log.override" = "log" }

    force = true

    lifecycle {
      ignore_changes = [metadata[0].labels]
    }
  }
`;

ruleTests(rule, {
  valid: [
    { doc: true, files: tf`
      resource "kubernetes_config_map_v1_data" "coredns_custom" {
        metadata {
          name      = "coredns-custom"
          namespace = "kube-system"
        }
        data = {
          "log.override" = "log"
        }
        force = true
      }
    ` },
    { name: 'other ConfigMaps may be created', files: tf`
      resource "kubernetes_config_map_v1" "app" {
        metadata {
          name      = "app-settings"
          namespace = "kube-system"
        }
        data = {
          "a" = "b"
        }
      }
    ` },
  ],
  invalid: [
    {
      name: 'the catalogue example',
      doc: true,
      files: tf`
        resource "kubernetes_config_map_v1" "coredns_custom" {
        //       ^^^^^^^^^^^^^^^^^^^^^^^^^^ createsCustom
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "log.override" = "log"
          }
        }
      `,
      output: TF_CATALOGUE_FIXED,
    },
    {
      name: 'labels, annotations and immutable go; = realigned; name from a variable',
      files: tf`
        --- variables.tf
        variable "coredns_configmap" {
          default = "coredns-custom"
        }
        --- main.tf
        resource "kubernetes_config_map" "coredns_custom" {
        //       ^^^^^^^^^^^^^^^^^^^^^^^ createsCustom
          metadata {
            name        = var.coredns_configmap
            namespace   = "kube-system"
            annotations = { owner = "platform" }
            labels = {
              team = "dns"
            }
          }
          data      = { "log.override" = "log" }
          immutable = false
          lifecycle {
            ignore_changes = [metadata[0].labels]
          }
        }
      `,
      output: TF_CLEANED_FIXED,
    },
    {
      name: 'name from terraform.tfvars, namespace from a module input',
      files: tf`
        --- terraform.tfvars
        configmap_name = "coredns-custom"
        --- main.tf
        variable "configmap_name" {}
        module "dns" {
          source    = "./modules/dns"
          name      = var.configmap_name
          namespace = "kube-system"
        }
        --- modules/dns/main.tf
        variable "name" {}
        variable "namespace" {}
        resource "kubernetes_config_map_v1" "this" {
        //       ^^^^^^^^^^^^^^^^^^^^^^^^^^ createsCustom
          metadata {
            name      = var.name
            namespace = var.namespace
          }
          data = {
            "log.override" = "log"
          }
        }
      `,
      output: tf`
        --- modules/dns/main.tf
        variable "name" {}
        variable "namespace" {}
        resource "kubernetes_config_map_v1_data" "this" {
          metadata {
            name      = var.name
            namespace = var.namespace
          }
          data = {
            "log.override" = "log"
          }
          force = true
        }
      `,
    },
    {
      name: 'kubernetes_manifest and referenced resources: reported without a fix',
      files: tf`
        resource "kubernetes_manifest" "coredns_custom" {
        //       ^^^^^^^^^^^^^^^^^^^^^ createsCustom
          manifest = {
            apiVersion = "v1"
            kind       = "ConfigMap"
            metadata = {
              name      = "coredns-custom"
              namespace = "kube-system"
            }
            data = {
              "log.override" = "log"
            }
          }
        }
        resource "kubernetes_config_map_v1" "coredns_custom" {
        //       ^^^^^^^^^^^^^^^^^^^^^^^^^^ createsCustom
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
        }
        output "cm" {
          value = kubernetes_config_map_v1.coredns_custom.id
        }
      `,
    },
  ],
});

test('fixed Terraform is terraform fmt clean', (t) => assertFmtClean(t, [TF_CATALOGUE_FIXED.files.get('main.tf')!, TF_CLEANED_FIXED.files.get('main.tf')!]));
