import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k8s, tf } from '../kit/fixture';
import { ruleTests, type RuleCases } from '../kit/rule-tester';
import { rule } from './coredns-custom-key-suffix';
import { assertFmtClean, parsedConfigMap, assertYamlOutputsParseBack } from './cdns-helpers.test';

const SERVER_FIXED = k8s`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: coredns-custom
    namespace: kube-system
  data:
    Corefile.server: |
      example.com {
          forward . 1.1.1.1 8.8.8.8
      }
`;

const TF_KEY_FIXED = tf`
  resource "kubernetes_config_map_v1_data" "coredns_custom" {
    metadata {
      name      = "coredns-custom"
      namespace = "kube-system"
    }
    data = {
      "log.override" = "log"

      "custom.server" = local.corp_server
    }
    force = true
  }
  locals {
    corp_server = <<-EOT
      corp.local:53 {
        forward . 10.0.0.4
      }
    EOT
  }
`;

const cases: RuleCases = {
  valid: [
    { doc: true, files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: coredns-custom
        namespace: kube-system
      data:
        log.override: |
          log
    ` },
    { name: 'keys of unrelated ConfigMaps are not ours', files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app-settings
        namespace: kube-system
      data:
        custom: log
    ` },
  ],
  invalid: [
    {
      name: 'no suffix, plugin lines: .override',
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          custom: log
        # ^^^^^^ missingSuffix
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          custom.override: log
      `,
    },
    {
      name: 'a Corefile key holding a server block becomes .server',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          Corefile: |
        # ^^^^^^^^ missingSuffix
            example.com {
                forward . 1.1.1.1 8.8.8.8
            }
      `,
      output: SERVER_FIXED,
    },
    {
      name: 'near-miss suffix, quoted key',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          "test.overide": |
        # ^^^^^^^^^^^^^^ missingSuffix
            hosts {
              10.0.0.1 example1.org
              fallthrough
            }
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          "test.override": |
            hosts {
              10.0.0.1 example1.org
              fallthrough
            }
      `,
    },
    {
      name: 'invalid key characters; Corefile.override is information',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          my log.override: log
        # ^^^^^^^^^^^^^^^ invalidKey
          Corefile.override: log
        # ^^^^^^^^^^^^^^^^^ corefileOverride
      `,
    },
    {
      name: 'Terraform key through the data map',
      files: tf`
        resource "kubernetes_config_map_v1_data" "coredns_custom" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "log.override" = "log"

            "custom_server" = local.corp_server
        //  ^^^^^^^^^^^^^^^ missingSuffix
          }
          force = true
        }
        locals {
          corp_server = <<-EOT
            corp.local:53 {
              forward . 10.0.0.4
            }
          EOT
        }
      `,
      output: TF_KEY_FIXED,
    },
    {
      name: 'Terraform key in an aligned run: reported, no fix (renaming would misalign =)',
      files: tf`
        resource "kubernetes_config_map" "coredns_custom" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "log.override" = "log"
            "custom"       = "log"
        //  ^^^^^^^^ missingSuffix
          }
        }
      `,
    },
  ],
};

ruleTests(rule, cases);

test('the renamed key parses back with its Corefile text', () => {
  assert.deepEqual(parsedConfigMap(SERVER_FIXED.files.get('manifest.yaml')!), {
    name: 'coredns-custom',
    namespace: 'kube-system',
    data: { 'Corefile.server': 'example.com {\n    forward . 1.1.1.1 8.8.8.8\n}\n' },
  });
});

test('fixed Terraform is terraform fmt clean', (t) => assertFmtClean(t, [TF_KEY_FIXED.files.get('main.tf')!]));

test('every YAML fix output parses back to kube-system/coredns-custom with string CoreDNS values', () => assertYamlOutputsParseBack(cases));
