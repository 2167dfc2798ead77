import { k8s } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './secret-provider-class-identity-mode';

// interpolated at column 8 of the fixtures below, so its lines carry that indentation
const SPC_HEAD = [
  'apiVersion: secrets-store.csi.x-k8s.io/v1',
  'kind: SecretProviderClass',
  'metadata:',
  '  name: azure-kv',
  'spec:',
  '  provider: azure',
  '  parameters:',
  '    keyvaultName: kv-prod',
  '    tenantID: "t"',
].join('\n        ');

ruleTests(rule, {
  valid: [
    {
      doc: true,
      files: k8s`
        ${SPC_HEAD}
            useVMManagedIdentity: "true"
            userAssignedIdentityID: "6f2b8a3e-1c4d-4e5f-9a0b-1c2d3e4f5a6b"
      `,
    },
    {
      name: 'workload identity; template placeholders are not judged',
      files: k8s`
        ${SPC_HEAD}
            usePodIdentity: "false"
            clientID: "\${USER_ASSIGNED_CLIENT_ID}"
      `,
    },
    {
      name: 'a placeholder user-assigned identity is set, just filled in later',
      files: k8s`
        ${SPC_HEAD}
            useVMManagedIdentity: "true"
            userAssignedIdentityID: <client id> # the client ID of the MSI
      `,
    },
    {
      name: 'identity from Terraform is not known statically',
      files: k8s`
        --- main.tf
        resource "kubernetes_manifest" "spc" {
          manifest = {
            apiVersion = "secrets-store.csi.x-k8s.io/v1"
            kind       = "SecretProviderClass"
            metadata   = { name = "azure-kv" }
            spec = {
              provider = "azure"
              parameters = {
                keyvaultName           = "kv-prod"
                useVMManagedIdentity   = "true"
                userAssignedIdentityID = azurerm_kubernetes_cluster.aks.key_vault_secrets_provider[0].secret_identity[0].client_id
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'pod identity and VM identity together (catalogue example)',
      doc: true,
      files: k8s`
        ${SPC_HEAD}
            usePodIdentity: "true"
        #                   ^^^^^^ multipleModes
            useVMManagedIdentity: "true"
            userAssignedIdentityID: "6f2b8a3e-1c4d-4e5f-9a0b-1c2d3e4f5a6b"
      `,
      output: k8s`
        ${SPC_HEAD}
            usePodIdentity: "false"
            useVMManagedIdentity: "true"
            userAssignedIdentityID: "6f2b8a3e-1c4d-4e5f-9a0b-1c2d3e4f5a6b"
      `,
    },
    {
      name: 'deprecated pod identity switches to workload identity',
      files: k8s`
        ${SPC_HEAD}
            usePodIdentity: 'true'
        #                   ^^^^^^ podIdentity
      `,
      output: k8s`
        ${SPC_HEAD}
            usePodIdentity: 'false'
            clientID: "<client-id>"
      `,
    },
    {
      name: 'VM identity without a user-assigned client ID, and workload identity at the same time',
      files: k8s`
        ${SPC_HEAD}
            useVMManagedIdentity: "true"
        #                         ^^^^^^ vmNoIdentity
            clientID: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id
        #   ^^^^^^^^ clientIdWithVm
        #             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ notClientId
      `,
    },
    {
      name: 'with the add-on in Terraform, the message names its client ID (cross-file)',
      files: k8s`
        --- main.tf
        resource "azurerm_kubernetes_cluster" "aks" {
          key_vault_secrets_provider {
            secret_rotation_enabled = true
          }
        }
        --- spc.yaml
        ${SPC_HEAD}
            useVMManagedIdentity: "True"
        #                         ^^^^^^ vmNoIdentityAddon
            userAssignedIdentityID: ""
      `,
    },
  ],
});
