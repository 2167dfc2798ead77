import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './secret-provider-class-required-fields';

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
          namespace: shop
        spec:
          provider: azure
          parameters:
            keyvaultName: "kv-prod"
            tenantID: "11111111-1111-1111-1111-111111111111"
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
      `,
    },
    {
      name: 'deprecated tenantId still counts; other providers are not ours',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            keyvaultName: kv-prod
            tenantId: 11111111-1111-1111-1111-111111111111
            objects: "array: []"
        ---
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: vault-db
        spec:
          provider: vault
          parameters:
            roleName: db
      `,
    },
    {
      name: 'pod in an unknown namespace matches by name',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
          namespace: shop
        spec:
          provider: azure
          parameters: {keyvaultName: kv-prod, tenantID: t, objects: "array: []"}
        --- pod.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: kv
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes: {secretProviderClass: azure-kv}
      `,
    },
    {
      name: 'template placeholders ($VAR, \${VAR}, <name>) are filled in later',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
          namespace: $NAMESPACE
        spec:
          provider: azure
          parameters: {keyvaultName: $KEYVAULT_NAME, tenantID: "<tenant>", objects: "array: []"}
        --- pod.yaml
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
                volumeAttributes: {secretProviderClass: azure-kv}
      `,
    },
  ],
  invalid: [
    {
      name: 'no parameters at all',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-sync
        spec:
       #^^^^ parametersMissing
          provider: azure
          secretObjects: []
      `,
    },
    {
      name: 'vault URL instead of name, no tenant',
      doc: true,
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
        # ^^^^^^^^^^ tenantMissing
            keyvaultName: "https://kv-prod.vault.azure.net/"
        #                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ keyvaultNameFormat
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            keyvaultName: "kv-prod"
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
            tenantID: "<tenant-guid>"
      `,
    },
    {
      name: 'wrong provider name, v1alpha1, missing vault name and objects',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1alpha1
        #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ v1alpha1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: Azure
        #           ^^^^^ provider
          parameters:
        # ^^^^^^^^^^ keyvaultNameMissing
        # ^^^^^^^^^^ objectsMissing
            tenantID: "11111111-1111-1111-1111-111111111111"
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1alpha1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          provider: azure
          parameters:
            tenantID: "11111111-1111-1111-1111-111111111111"
      `,
    },
    {
      name: 'no provider, but Azure parameters',
      files: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
       #^^^^ provider
          parameters:
            keyvaultName: kv-prod
            tenantID: t
            objects: "array: []"
      `,
      output: k8s`
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
        spec:
          parameters:
            keyvaultName: kv-prod
            tenantID: t
            objects: "array: []"
          provider: azure
      `,
    },
    {
      name: 'pods in another namespace cannot mount the class (cross-file)',
      files: k8s`
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: azure-kv
          namespace: default
        #            ^^^^^^^ namespace
        spec:
          provider: azure
          parameters: {keyvaultName: kv-prod, tenantID: t, objects: "array: []"}
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
          namespace: shop
        spec:
          template:
            spec:
              containers: [{name: app, image: nginx}]
              volumes:
                - name: kv
                  csi:
                    driver: secrets-store.csi.k8s.io
                    readOnly: true
                    volumeAttributes: {secretProviderClass: azure-kv}
      `,
    },
    {
      // the value comes from terraform.tfvars, so the finding points at the nearest range in the module: the parameters object
      name: 'kubernetes_manifest in a module, vault name from the caller and a tfvars file',
      files: k8s`
        --- main.tf
        variable "vault" {}
        module "kv" {
          source = "./modules/kv"
          vault  = var.vault
        }
        --- terraform.tfvars
        vault = "kv-prod.vault.azure.net"
        --- modules/kv/main.tf
        variable "vault" {}
        resource "kubernetes_manifest" "spc" {
          manifest = {
            apiVersion = "secrets-store.csi.x-k8s.io/v1"
            kind       = "SecretProviderClass"
            metadata   = { name = "azure-kv" }
            spec = {
              provider   = "azure"
              parameters = { keyvaultName = var.vault, tenantID = "t", objects = "array: []" }
        //                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ keyvaultNameFormat
            }
          }
        }
      `,
    },
    {
      name: 'kubernetes_manifest in Terraform: findings without YAML fixes',
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
        //                 ^ tenantMissing
                keyvaultName = var.kv_url
                objects      = "array: []"
              }
            }
          }
        }
        variable "kv_url" {
          default = "https://kv-prod.vault.azure.net/"
        //          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ keyvaultNameFormat
        }
      `,
    },
  ],
});
