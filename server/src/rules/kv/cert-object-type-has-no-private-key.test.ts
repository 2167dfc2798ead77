import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './cert-object-type-has-no-private-key';

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: ingress-tls, namespace: web}
        spec:
          provider: azure
          secretObjects:
            - secretName: ingress-tls
              type: kubernetes.io/tls
              data:
                - {objectName: ingress-cert, key: tls.key}
                - {objectName: ingress-cert, key: tls.crt}
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: secret
      `,
    },
  ],
  invalid: [
    {
      name: 'cert object used for tls.key (catalogue example)',
      doc: true,
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: ingress-tls, namespace: web}
        spec:
          provider: azure
          secretObjects:
            - secretName: ingress-tls
              type: kubernetes.io/tls
              data:
                - {objectName: ingress-cert, key: tls.key}
                - {objectName: ingress-cert, key: tls.crt}
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: cert # leaf only
        #                     ^^^^ certAsKey
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: ingress-tls, namespace: web}
        spec:
          provider: azure
          secretObjects:
            - secretName: ingress-tls
              type: kubernetes.io/tls
              data:
                - {objectName: ingress-cert, key: tls.key}
                - {objectName: ingress-cert, key: tls.crt}
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: secret # leaf only
      `,
    },
    {
      name: 'quoted cert with a .key alias; a cert next to its secret view; a plain cert',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: certs}
        spec:
          provider: azure
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: api-cert
                  objectType: 'cert'
        #                     ^^^^^^ certAsKey
                  objectAlias: api.key
                - |
                  objectName: web-cert
                  objectType: secret
                  objectAlias: web.pem
                - |
                  objectName: web-cert
                  objectType: cert
        #                     ^^^^ certAlsoSecret
                  objectAlias: web.crt
                - |
                  objectName: ca-bundle
                  objectType: "cert"
        #                     ^^^^^^ certOnly
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: certs}
        spec:
          provider: azure
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: api-cert
                  objectType: 'secret'
                  objectAlias: api.key
                - |
                  objectName: web-cert
                  objectType: secret
                  objectAlias: web.pem
                - |
                  objectName: web-cert
                  objectType: cert
                  objectAlias: web.crt
                - |
                  objectName: ca-bundle
                  objectType: "secret"
      `,
    },
    {
      name: 'kubernetes_manifest class: reported on the objects string, no YAML fix',
      files: k8s`
        --- main.tf
        resource "kubernetes_manifest" "spc" {
          manifest = {
            apiVersion = "secrets-store.csi.x-k8s.io/v1"
            kind       = "SecretProviderClass"
            metadata   = { name = "ingress-tls" }
            spec = {
              provider = "azure"
              parameters = {
                keyvaultName = "kv-prod"
                objects      = "array:\n  - |\n    objectName: ingress-cert\n    objectType: cert\n"
        //                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ certOnly
              }
            }
          }
        }
      `,
    },
  ],
});
