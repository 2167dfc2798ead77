import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k8s, tf } from '../kit/fixture';
import { ruleTests, type RuleCases } from '../kit/rule-tester';
import { rule } from './coredns-custom-name-and-shape';
import { assertFmtClean, parsedConfigMap, assertYamlOutputsParseBack } from './cdns-helpers.test';

const WRITE_UP_FIXED = k8s`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: coredns-custom
    namespace: kube-system
  data:
    example.server: |
      example.com:53 {
          forward . 10.10.0.4
      }
`;

const TF_NAMESPACE_FIXED = tf`
  resource "kubernetes_config_map_v1_data" "coredns_custom" {
    metadata {
      name      = "coredns-custom"
      namespace = "kube-system"
    }
    data = {
      "log.override" = "log"
    }
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
        example.server: |
          example.com:53 {
              errors
              cache 30
              forward . 10.10.0.4
          }
    ` },
    { name: 'another application may use .server keys outside kube-system', files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: web-config
        namespace: shop
      data:
        nginx.server: |
          listen 80;
    ` },
    { name: 'Terraform patches the pre-created ConfigMap', files: tf`
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
    { name: 'a namespace the model cannot know stays silent', files: tf`
      variable "ns" {}
      resource "kubernetes_config_map_v1_data" "coredns_custom" {
        metadata {
          name      = "coredns-custom"
          namespace = var.ns
        }
        data = {
          "log.override" = "log"
        }
      }
    ` },
    { name: 'without a namespace next to a kustomization, the namespace is not known', files: k8s`
      --- dns/kustomization.yaml
      namespace: kube-system
      resources:
        - coredns-custom.yaml
      --- dns/coredns-custom.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: coredns-custom
      data:
        log.override: log
    ` },
  ],
  invalid: [
    {
      name: "the write-up's example without metadata: and data:",
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        name: coredns-custom
      # ^^^^ missingStructure
        namespace: kube-system
        example.server: |
          example.com:53 {
              forward . 10.10.0.4
          }
      `,
      output: WRITE_UP_FIXED,
    },
    {
      name: 'misplaced keys join an existing data: map, four-space indentation kept',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: coredns-custom
            namespace: kube-system
        data:
            log.override: |
                log
        # query logging
        test.override: |
      # ^^^^^^^^^^^^^ missingStructure
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
            log.override: |
                log
            test.override: |
                hosts {
                    10.0.0.1 example1.org
                    fallthrough
                }
        # query logging
      `,
    },
    {
      name: 'editing the reconciled coredns ConfigMap',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns   # the AKS one
        #       ^^^^^^^ reconciled
          namespace: kube-system
        data:
          log.override: log
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom   # the AKS one
          namespace: kube-system
        data:
          log.override: log
      `,
    },
    {
      name: 'no namespace: applied to the current kubectl namespace',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
        #       ^^^^^^^^^^^^^^ wrongNamespace
        data:
          log.override: log
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          log.override: log
      `,
    },
    {
      name: 'wrong namespace, quoted',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: "default"
        #            ^^^^^^^^^ wrongNamespace
        data:
          log.override: log
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: "kube-system"
        data:
          log.override: log
      `,
    },
    {
      name: 'near-miss name',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-customs
        #       ^^^^^^^^^^^^^^^ wrongName
          namespace: kube-system
        data:
          log.override: log
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          log.override: log
      `,
    },
    {
      name: 'a Corefile without "|" folds into one line',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          override-block.server:   # historical doc bug
        # ^^^^^^^^^^^^^^^^^^^^^ notAString
            internal.cloudapp.net:53 {
                errors
                forward . /etc/resolv.conf
            }
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          override-block.server: |   # historical doc bug
            internal.cloudapp.net:53 {
                errors
                forward . /etc/resolv.conf
            }
      `,
    },
    {
      name: 'a Corefile read as a mapping',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          rewrite.override:
        # ^^^^^^^^^^^^^^^^ notAString
            rewrite name: foo.example.com foo.default.svc.cluster.local
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          rewrite.override: |
            rewrite name: foo.example.com foo.default.svc.cluster.local
      `,
    },
    {
      name: 'Terraform ConfigMap without a namespace lands in "default"',
      files: tf`
        resource "kubernetes_config_map_v1_data" "coredns_custom" {
          metadata {
            name = "coredns-custom"
        //         ^^^^^^^^^^^^^^^^ wrongNamespace
          }
          data = {
            "log.override" = "log"
          }
        }
      `,
      output: TF_NAMESPACE_FIXED,
    },
    {
      name: 'Terraform patching the reconciled coredns ConfigMap, and a near-miss name',
      files: tf`
        resource "kubernetes_config_map_v1_data" "coredns" {
          metadata {
            name      = "coredns"
        //              ^^^^^^^^^ reconciled
            namespace = "kube-system"
          }
          data = {
            "Corefile" = ".:53 {\n  log\n}\n"
          }
        }
        resource "kubernetes_config_map_v1_data" "custom" {
          metadata {
            name      = "coredns_custom"
        //              ^^^^^^^^^^^^^^^^ wrongName
            namespace = "kube-system"
          }
          data = {
            "log.override" = "log"
          }
        }
      `,
      output: tf`
        resource "kubernetes_config_map_v1_data" "coredns" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "Corefile" = ".:53 {\n  log\n}\n"
          }
        }
        resource "kubernetes_config_map_v1_data" "custom" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "log.override" = "log"
          }
        }
      `,
    },
    {
      name: 'Terraform namespace through a variable default (no fix: the literal lives elsewhere)',
      files: tf`
        --- variables.tf
        variable "ns" {
          default = "default"
        }
        --- main.tf
        resource "kubernetes_config_map_v1_data" "coredns_custom" {
          metadata {
            name      = "coredns-custom"
            namespace = var.ns
        //              ^^^^^^ wrongNamespace
          }
          data = {
            "log.override" = "log"
          }
        }
      `,
    },
  ],
};

ruleTests(rule, cases);

test('every fixed CoreDNS ConfigMap parses back to the intended object', () => {
  const cm = parsedConfigMap(WRITE_UP_FIXED.files.get('manifest.yaml')!);
  assert.deepEqual(cm, {
    name: 'coredns-custom',
    namespace: 'kube-system',
    data: { 'example.server': 'example.com:53 {\n    forward . 10.10.0.4\n}\n' },
  });
});

test('fixed Terraform is terraform fmt clean', (t) => assertFmtClean(t, [TF_NAMESPACE_FIXED.files.get('main.tf')!]));


test('every YAML fix output parses back to kube-system/coredns-custom with string CoreDNS values', () => assertYamlOutputsParseBack(cases));
