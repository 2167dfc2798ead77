import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './yaml-syntax';

ruleTests(rule, {
  valid: [
    { files: k8s`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: coredns-custom
        namespace: kube-system
    `, doc: true },
    { name: 'Helm templates are not ours to parse', files: k8s`
      --- templates/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Values.name }}
       bad: indent
    ` },
  ],
  invalid: [
    {
      name: 'mapping key at the wrong indentation',
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
         namespace: kube-system
      # ^ error
      `,
    },
    {
      name: 'unknown tag is a warning',
      files: k8s`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: !custom x
        #       ^^^^^^^ warning
      `,
    },
  ],
});
