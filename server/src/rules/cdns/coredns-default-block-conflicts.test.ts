import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k8s, tf } from '../kit/fixture';
import { ruleTests, type RuleCases } from '../kit/rule-tester';
import { rule } from './coredns-default-block-conflicts';
import { parsedConfigMap, assertYamlOutputsParseBack } from './cdns-helpers.test';

const MOVED = k8s`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: coredns-custom
    namespace: kube-system
  data:
    corp.override: |
      log
      rewrite name foo.example.com foo.default.svc.cluster.local
    other.override: |
      errors_only_once_please_not
    corp.contoso.com.server: |
      corp.contoso.com:53 {
          errors
          cache 30
          forward . 10.10.0.4 10.10.0.5
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
        onprem.server: |
          corp.contoso.com:53 {
              errors
              cache 30
              forward . 10.10.0.4
          }
        log.override: |
          log
          hosts {
              10.0.0.1 example1.org
              fallthrough
          }
    ` },
    { name: 'a stub domain under cluster.local is not the kubernetes zone', files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: coredns-custom
        namespace: kube-system
      data:
        test.server: |
          my.cluster.local:53 {
              forward . 2.3.4.5
          }
    ` },
    { name: 'other ConfigMaps are not pasted into CoreDNS', files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: dns-notes
        namespace: apps
      data:
        a.override: cache 30
    ` },
  ],
  invalid: [
    {
      name: 'forward in .override becomes a server block of its own',
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          onprem.override: |
            forward corp.contoso.com 10.10.0.4
        #   ^^^^^^^ forwardInOverride
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          onprem.server: |
            corp.contoso.com:53 {
                errors
                cache 30
                forward . 10.10.0.4
            }
      `,
    },
    {
      name: 'forward among other plugins moves to a new key at the end of data',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          corp.override: |
            log
            forward corp.contoso.com 10.10.0.4 10.10.0.5
        #   ^^^^^^^ forwardInOverride
            rewrite name foo.example.com foo.default.svc.cluster.local
          other.override: |
            errors_only_once_please_not
      `,
      output: MOVED,
    },
    {
      name: 'forward on the last line of the mapping, block header kept',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          corp.override: |-
            log
            forward corp.contoso.com 10.10.0.4
        #   ^^^^^^^ forwardInOverride
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          corp.override: |-
            log
          corp.contoso.com.server: |-
            corp.contoso.com:53 {
                errors
                cache 30
                forward . 10.10.0.4
            }
      `,
    },
    {
      name: 'forward of the root zone and once-only plugins have no automatic fix',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          upstream.override: |
            forward . 8.8.8.8
        #   ^^^^^^^ forwardInOverride
            cache 60
        #   ^^^^^ oncePluginInOverride
      `,
    },
    {
      name: 'a server block written under .override',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          puglife.override: |
            puglife.local:53 {
        #   ^^^^^^^^^^^^^^^^ serverBlockInOverride
                forward . 192.11.0.1
            }
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          puglife.server: |
            puglife.local:53 {
                forward . 192.11.0.1
            }
      `,
    },
    {
      name: 'redeclaring .:53 in a .server key',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          default.server: |
            .:53 {
        #   ^^^^ defaultServerRedefined
                errors
                log
                rewrite name foo.example.com foo.default.svc.cluster.local
            }
      `,
      output: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          default.override: |
                log
                rewrite name foo.example.com foo.default.svc.cluster.local
      `,
    },
    {
      name: 'a separate cluster.local server block',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          cluster.server: |
            cluster.local:53 {
        #   ^^^^^^^^^^^^^^^^ shadowsKubernetes
                forward . 10.0.0.10
            }
      `,
    },
    {
      name: 'YAML and Terraform side by side; a local string is reported where it is written',
      files: k8s`
        --- dns/coredns-custom.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          metrics.override: |
            prometheus :9153
        #   ^^^^^^^^^^ oncePluginInOverride
        --- dns.tf
        locals {
          corefile = "cluster.local:53 {\n  forward . 10.0.0.10\n}\n"
        #            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ shadowsKubernetes
        }
        resource "kubernetes_config_map_v1_data" "coredns_custom" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "cluster.server" = local.corefile
          }
        }
      `,
    },
    {
      name: 'Terraform data value (reported on the value; no fix)',
      files: tf`
        resource "kubernetes_config_map_v1_data" "coredns_custom" {
          metadata {
            name      = "coredns-custom"
            namespace = "kube-system"
          }
          data = {
            "onprem.override" = "forward corp.contoso.com 10.10.0.4"
        //                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ forwardInOverride
          }
        }
      `,
    },
  ],
};

ruleTests(rule, cases);

test('moved forward: the fixed ConfigMap parses back to the intended data', () => {
  const cm = parsedConfigMap(MOVED.files.get('manifest.yaml')!);
  assert.equal(cm.name, 'coredns-custom');
  assert.equal(cm.namespace, 'kube-system');
  assert.deepEqual(cm.data, {
    'corp.override': 'log\nrewrite name foo.example.com foo.default.svc.cluster.local\n',
    'other.override': 'errors_only_once_please_not\n',
    'corp.contoso.com.server': 'corp.contoso.com:53 {\n    errors\n    cache 30\n    forward . 10.10.0.4 10.10.0.5\n}\n',
  });
});

test('every YAML fix output parses back to kube-system/coredns-custom with string CoreDNS values', () => assertYamlOutputsParseBack(cases));
