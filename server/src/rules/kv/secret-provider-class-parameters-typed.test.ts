import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './secret-provider-class-parameters-typed';

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            usePodIdentity: "false"
            keyvaultName: "kv-prod"
            tenantID: "11111111-1111-1111-1111-111111111111"
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
                  objectEncoding: base64
                - |
                  objectName: ingress-cert
                  objectType: secret
                  objectFormat: pfx
                  objectAlias: ingress.pfx
      `,
    },
    {
      name: 'other providers may use any parameters',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: aws
        spec:
          provider: aws
          parameters:
            objects: [{objectName: x}]
            region: 1
      `,
    },
  ],
  invalid: [
    {
      name: 'unquoted boolean and objects as a list (catalogue example)',
      doc: true,
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            usePodIdentity: false
        #                   ^^^^^ notString
            keyvaultName: kv-prod
            tenantID: 11111111-1111-1111-1111-111111111111
            objects:
        #   ^^^^^^^ objectsNotString
              - objectName: db-password
                objectType: secret
              - objectName: api-key
                objectType: "secret"
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            usePodIdentity: "false"
            keyvaultName: kv-prod
            tenantID: 11111111-1111-1111-1111-111111111111
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
                - |
                  objectName: api-key
                  objectType: "secret"
      `,
    },
    {
      name: 'object content: type case, formats, encodings, duplicates, flags',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            useVMManagedIdentity: "yes"
        #                         ^^^^^ boolParam
            replicas: 3
        #             ^ notString
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: Secret
        #                     ^^^^^^ objectType
                  objectEncoding: BASE64
        #                         ^^^^^^ nonCanonical
                - |
                  objectName: ingress-cert
                  objectType: cert
                  objectFormat: pfx
        #                       ^^^ pfxNeedsSecret
                  objectEncoding: hex
        #         ^^^^^^^^^^^^^^ encodingIgnored
                - |
                  objectName: other
                  objectType: 'certificate'
        #                     ^^^^^^^^^^^^^ objectType
                  objectFormat: der
        #                       ^^^ objectFormat
                  objectEncoding: utf-16
        #                         ^^^^^^ objectEncoding
                - |
                  objectAlias: db-password
        #                      ^^^^^^^^^^^ duplicateFileName
        #         ^^^^^^^^^^^^^^^^^^^^^^^^ objectNameMissing
        #         ^^^^^^^^^^^^^^^^^^^^^^^^ objectType
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            useVMManagedIdentity: "yes"
            replicas: "3"
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
                  objectEncoding: BASE64
                - |
                  objectName: ingress-cert
                  objectType: cert
                  objectFormat: pfx
                  objectEncoding: hex
                - |
                  objectName: other
                  objectType: 'certificate'
                  objectFormat: der
                  objectEncoding: utf-16
                - |
                  objectAlias: db-password
      `,
    },
    {
      name: 'objects string that is not an array of strings',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            keyvaultName: kv-prod
            tenantID: "t"
            objects: |
              array:
                - objectName: db-password
        #         ^^^^^^^^^^^^^^^^^^^^^^^ objectsInvalid
      `,
    },
    {
      name: 'kubernetes_manifest objects content is checked; HCL booleans are converted by the provider',
      files: k8s`
        --- main.tf
        resource "kubernetes_manifest" "spc" {
          manifest = {
            apiVersion = "secrets-store.csi.x-k8s.io/v1"
            kind       = "SecretProviderClass"
            metadata   = { name = "azure-kv", namespace = "shop" }
            spec = {
              provider = "azure"
              parameters = {
                usePodIdentity = false
                keyvaultName   = "kv-prod"
                tenantID       = "t"
                objects        = local.objects
              }
            }
          }
        }
        locals {
          objects = <<-EOT
        //          ^^^^^^ objectType
            array:
              - |
                objectName: db-password
                objectType: Secret
          EOT
        }
      `,
    },
  ],
});
