import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './csi-volume-mounts-secret-provider-class';

// Two classes, in namespaces shop and web; interpolated at column 8 of the fixtures.
const SPCS = [
  'apiVersion: secrets-store.csi.x-k8s.io/v1',
  'kind: SecretProviderClass',
  'metadata: {name: azure-kv, namespace: shop}',
  'spec:',
  '  provider: azure',
  '  parameters: {keyvaultName: kv-prod, tenantID: t, clientID: "6f2b8a3e-1c4d-4e5f-9a0b-1c2d3e4f5a6b"}',
  '---',
  'apiVersion: secrets-store.csi.x-k8s.io/v1',
  'kind: SecretProviderClass',
  'metadata: {name: web-kv, namespace: web}',
  'spec:',
  '  provider: azure',
  '  parameters: {keyvaultName: kv-prod, tenantID: t}',
  '---',
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: shop-app',
  '  namespace: shop',
  '  annotations:',
  '    azure.workload.identity/client-id: "6f2b8a3e-1c4d-4e5f-9a0b-1c2d3e4f5a6b"',
].join('\n        ');

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: k8s`
        --- spc.yaml
        ${SPCS}
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: shop-app
              containers: [{name: app, image: nginx}]
              volumes:
                - name: secrets-store01-inline
                  csi:
                    driver: secrets-store.csi.k8s.io
                    readOnly: true
                    volumeAttributes:
                      secretProviderClass: azure-kv
      `,
    },
    {
      name: 'a class nowhere in the workspace is managed elsewhere; other CSI drivers are not ours',
      files: k8s`
        apiVersion: v1
        kind: Pod
        metadata: {name: app, namespace: shop}
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes: {secretProviderClass: from-helm}
            - name: blob
              csi:
                driver: blob.csi.azure.com
                volumeAttributes: {containerName: c}
      `,
    },
    {
      name: 'placeholder namespaces and class names are unknown, so they match',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: yelb, namespace: $NAMESPACE}
        spec: {provider: azure, parameters: {keyvaultName: kv}}
        ---
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: \${SPC_NAME}, namespace: web}
        spec: {provider: azure, parameters: {keyvaultName: kv}}
        --- pods.yaml
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: yelb}
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi: {driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: yelb}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: web}
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi: {driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: web-kv}}
      `,
    },
  ],
  invalid: [
    {
      name: 'API group as driver name, no readOnly (catalogue example)',
      doc: true,
      files: k8s`
        --- spc.yaml
        ${SPCS}
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: web
        spec:
          template:
            spec:
              containers: [{name: app, image: nginx}]
              volumes:
                - name: secrets-store01-inline
                  csi:
        #         ^^^ readOnly
                    driver: secrets-store.csi.x-k8s.io
        #                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ driver
                    volumeAttributes:
                      secretProviderClass: web-kv
      `,
      output: k8s`
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: web
        spec:
          template:
            spec:
              containers: [{name: app, image: nginx}]
              volumes:
                - name: secrets-store01-inline
                  csi:
                    driver: secrets-store.csi.k8s.io
                    volumeAttributes:
                      secretProviderClass: web-kv
                    readOnly: true
      `,
    },
    {
      name: 'class in another namespace; readOnly false; a typo; no class attribute',
      files: k8s`
        --- spc.yaml
        ${SPCS}
        --- pods.yaml
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec:
          serviceAccountName: shop-app
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi:
                driver: "secrets-store.csi.k8s.io"
                readOnly: false
        #                 ^^^^^ readOnly
                volumeAttributes:
                  secretProviderClass: web-kv
        #                              ^^^^^^ notInNamespace
            - name: kv2
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes:
                  secretProviderClass: "azure-kb"
        #                              ^^^^^^^^^^ notFound
            - name: kv3
              csi:
        #     ^^^ spcMissing
                driver: secrets-store.csi.k8s.io
                readOnly: true
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes: {secretProviderClass: nope}
        #                                               ^^^^ notFoundByName
      `,
      output: k8s`
        --- pods.yaml
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec:
          serviceAccountName: shop-app
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi:
                driver: "secrets-store.csi.k8s.io"
                readOnly: true
                volumeAttributes:
                  secretProviderClass: web-kv
            - name: kv2
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes:
                  secretProviderClass: "azure-kv"
            - name: kv3
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes: {secretProviderClass: nope}
      `,
    },
    {
      name: 'workload identity: pod runs as default; Deployment from kubernetes_manifest',
      files: k8s`
        --- spc.yaml
        ${SPCS}
        --- main.tf
        resource "kubernetes_manifest" "app" {
          manifest = {
            apiVersion = "apps/v1"
            kind       = "Deployment"
            metadata   = { name = "shop", namespace = "shop" }
            spec = {
              template = {
                spec = {
                  containers = [{ name = "app", image = "nginx" }]
                  volumes = [{
                    name = "kv"
                    csi = {
                      driver           = "secrets-store.csi.k8s.io"
                      readOnly         = true
                      volumeAttributes = { secretProviderClass = "azure-kv" }
        //                                                       ^^^^^^^^^^ serviceAccount
                    }
                  }]
                }
              }
            }
          }
        }
      `,
    },
  ],
});
