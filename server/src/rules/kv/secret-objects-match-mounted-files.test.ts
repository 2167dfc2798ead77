import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './secret-objects-match-mounted-files';

// A Deployment in namespace shop mounting "azure-tls"; appended to fixtures as their own file.
const POD = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: ingress, namespace: shop}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers: [{name: nginx, image: nginx}]',
  '      volumes:',
  '        - name: kv',
  '          csi:',
  '            driver: secrets-store.csi.k8s.io',
  '            readOnly: true',
  '            volumeAttributes: {secretProviderClass: azure-tls}',
].join('\n        ');

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-tls
          namespace: shop
        spec:
          provider: azure
          secretObjects:
            - secretName: ingress-tls
              type: kubernetes.io/tls
              data:
                - objectName: ingress-cert
                  key: tls.key
                - objectName: ingress-cert
                  key: tls.crt
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: secret
        --- deploy.yaml
        ${POD}
      `,
    },
    {
      name: 'aliases and version history name the files',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: azure-tls}
        spec:
          provider: azure
          secretObjects:
            - secretName: db
              type: Opaque
              data:
                - {objectName: db-pass, key: password}
                - {objectName: api/1, key: previous}
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: db-password
                  objectAlias: db-pass
                  objectType: secret
                - |
                  objectName: api-key
                  objectAlias: api
                  objectType: secret
                  objectVersionHistory: 3
        --- deploy.yaml
        ${POD}
      `,
    },
    {
      name: 'tls.crt from the cert view and tls.key from the secret view works (AKS docs pattern)',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: azure-tls, namespace: shop}
        spec:
          provider: azure
          secretObjects:
          - secretName: httpbin-credential
            type: kubernetes.io/tls
            data:
            - {objectName: httpbin-key, key: tls.key}
            - {objectName: httpbin-crt, key: tls.crt}
          parameters:
            keyvaultName: $AKV_NAME
            objects: |
              array:
                - |
                  objectName: httpbin-cert-pfx
                  objectType: secret
                  objectAlias: "httpbin-key"
                - |
                  objectName: httpbin-cert-pfx
                  objectType: cert
                  objectAlias: "httpbin-crt"
        --- deploy.yaml
        ${POD}
      `,
    },
    {
      name: 'a class named by a placeholder may be mounted under its real name',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: \${secretproviderclass_name}}
        spec:
          provider: azure
          secretObjects:
            - secretName: db
              type: Opaque
              data: [{objectName: db-password, key: password}]
          parameters:
            keyvaultName: kv-prod
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
      `,
    },
  ],
  invalid: [
    {
      name: 'TLS secret from a cert object (catalogue example) and a name where the alias belongs',
      doc: true,
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-tls
          namespace: shop
        spec:
          provider: azure
          secretObjects:
            - secretName: ingress-tls
              type: kubernetes.io/tls
        #           ^^^^^^^^^^^^^^^^^ tlsKeys
              data:
                - objectName: ingress-cert
                  key: tls.key
                - objectName: ingress-cert
                  key: tls.crt
            - secretName: db
              type: Opaque
              data:
                - objectName: db-password
        #                     ^^^^^^^^^^^ unknownObject
                  key: password
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: "cert"
                - |
                  objectName: db-password
                  objectAlias: db-pass
                  objectType: secret
        --- deploy.yaml
        ${POD}
      `,
      output: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-tls
          namespace: shop
        spec:
          provider: azure
          secretObjects:
            - secretName: ingress-tls
              type: kubernetes.io/tls
              data:
                - objectName: ingress-cert
                  key: tls.key
                - objectName: ingress-cert
                  key: tls.crt
            - secretName: db
              type: Opaque
              data:
                - objectName: db-pass
                  key: password
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: "secret"
                - |
                  objectName: db-password
                  objectAlias: db-pass
                  objectType: secret
      `,
    },
    {
      name: 'TLS without a key, and no pod mounting the class (pod in another namespace)',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-tls
          namespace: web
        spec:
          provider: azure
          secretObjects:
        # ^^^^^^^^^^^^^ notMounted
            - secretName: ingress-tls
              type: kubernetes.io/tls
        #           ^^^^^^^^^^^^^^^^^ tlsKeys
              data:
                - objectName: ingress-cert
                  key: tls.crt
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: ingress-cert
                  objectType: secret
        --- deploy.yaml
        ${POD}
      `,
    },
    {
      name: 'kubernetes_manifest class: a typo in the synced object name',
      files: k8s`
        --- main.tf
        resource "kubernetes_manifest" "spc" {
          manifest = {
            apiVersion = "secrets-store.csi.x-k8s.io/v1"
            kind       = "SecretProviderClass"
            metadata   = { name = "azure-tls", namespace = "shop" }
            spec = {
              provider = "azure"
              parameters = {
                objects = "array:\n  - |\n    objectName: db-password\n    objectType: secret\n"
              }
              secretObjects = [{
                secretName = "db"
                type       = "Opaque"
                data       = [{ objectName = "db-pasword", key = "password" }]
        //                                   ^^^^^^^^^^^^ unknownObject
              }]
            }
          }
        }
        --- deploy.yaml
        ${POD}
      `,
    },
  ],
});
