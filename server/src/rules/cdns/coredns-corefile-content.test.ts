import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k8s, tf } from '../kit/fixture';
import { ruleTests, type RuleCases } from '../kit/rule-tester';
import { rule } from './coredns-corefile-content';
import { parsedConfigMap, assertYamlOutputsParseBack } from './cdns-helpers.test';

const HOSTS_FIXED = k8s`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: coredns-custom
    namespace: kube-system
  data:
    hosts.override: |  # static entries
      hosts {
          10.0.0.1 example1.org
          fallthrough
      }
`;

const upstreams = Array.from({ length: 16 }, (_, i) => `10.0.0.${i + 1}`).join(' ');

const cases: RuleCases = {
  valid: [
    { doc: true, files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: coredns-custom
        namespace: kube-system
      data:
        hosts.override: |
          hosts {
              10.0.0.1 example1.org
              fallthrough
          }
    ` },
    { name: 'a .server block may use hosts without fallthrough for its own zone', files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: coredns-custom
        namespace: kube-system
      data:
        corp.server: |
          corp.local:53 {
              hosts {
                  10.0.0.1 a.corp.local
              }
              forward . 10.0.0.4 {
                  policy sequential
              }
          }
    ` },
  ],
  invalid: [
    {
      name: 'hosts in .override without fallthrough',
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          hosts.override: |  # static entries
            hosts {
        #   ^^^^^ hostsWithoutFallthrough
                10.0.0.1 example1.org
            }
      `,
      output: HOSTS_FIXED,
    },
    {
      name: 'the removed proxy plugin',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          azurestack.server: |
            azurestack.local:53 {
                errors
                cache 30
                proxy . 172.16.0.4
        #       ^^^^^ removedPlugin
            }
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          azurestack.server: |
            azurestack.local:53 {
                errors
                cache 30
                forward . 172.16.0.4
            }
      `,
    },
    {
      name: 'unbalanced braces, unknown plugin, too many upstreams',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          a.server: |
            a.local:53 {
        #              ^ syntax
                frobnicate
        #       ^^^^^^^^^^ unknownPlugin
                forward . ${upstreams}
        #       ^^^^^^^ tooManyUpstreams
      `,
    },
    {
      name: 'once-only plugins twice: in one .server block, and across .override keys',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          a.override: |
            hosts {
                10.0.0.1 a.example.org
                fallthrough
            }
          b.override: |
            hosts {
        #   ^^^^^ duplicatePlugin
                10.0.0.2 b.example.org
                fallthrough
            }
          corp.server: |
            corp.local:53 {
                cache 30
                cache 60
        #       ^^^^^ duplicatePlugin
                forward . 10.0.0.4
            }
      `,
    },
    {
      name: 'rewrite to cluster.local sent to /etc/resolv.conf (the AKS doc example)',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          test.server: |
            example.com:53 {
            log
            rewrite stop {
              name regex (.*)\.example\.com {1}.default.svc.cluster.local
        #                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ rewriteViaResolvConf
              answer name (.*)\.default\.svc\.cluster\.local {1}.example.com
            }
            forward . /etc/resolv.conf
            }
      `,
    },
    {
      name: 'Terraform string value: reported on the whole value',
      files: tf`
        resource "kubernetes_config_map_v1_data" "coredns_custom" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "hosts.override" = "hosts {\n  10.0.0.1 a.org\n}\n"
        //                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hostsWithoutFallthrough
          }
        }
      `,
    },
  ],
};

ruleTests(rule, cases);

test('hosts fix: the ConfigMap parses back with fallthrough inside the block', () => {
  assert.deepEqual(parsedConfigMap(HOSTS_FIXED.files.get('manifest.yaml')!).data, {
    'hosts.override': 'hosts {\n    10.0.0.1 example1.org\n    fallthrough\n}\n',
  });
});

test('every YAML fix output parses back to kube-system/coredns-custom with string CoreDNS values', () => assertYamlOutputsParseBack(cases));
