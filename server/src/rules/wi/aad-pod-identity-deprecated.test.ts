import { k8s, tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './aad-pod-identity-deprecated';

ruleTests(rule, {
  valid: [
    {
      name: 'workload identity label and annotated ServiceAccount',
      doc: true,
      files: k8s`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
        spec:
          template:
            metadata:
              labels:
                azure.workload.identity/use: "true"
            spec:
              serviceAccountName: orders
      `,
    },
    {
      name: 'Helm values and SecretProviderClass without pod identity',
      files: tf`
        --- main.tf
        resource "helm_release" "app" {
          name   = "app"
          values = [yamlencode({ podLabels = { app = "x" } })]
          set {
            name  = "podLabels.app"
            value = "x"
          }
        }
        --- spc.yaml
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: kv
        spec:
          provider: azure
          parameters:
            usePodIdentity: "false"
            clientID: "9a1b2c3d-0000-4000-8000-000000000001"
      `,
    },
  ],
  invalid: [
    {
      name: 'aadpodidbinding label on a pod template',
      doc: true,
      files: k8s`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
        spec:
          template:
            metadata:
              labels:
                app: orders
                aadpodidbinding: orders-identity
        #       ^^^^^^^^^^^^^^^ podIdentityLabel
            spec:
              serviceAccountName: orders
      `,
      output: k8s`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
        spec:
          template:
            metadata:
              labels:
                app: orders
                azure.workload.identity/use: "true"
            spec:
              serviceAccountName: orders
      `,
    },
    {
      name: 'pod identity CRDs and the CSI pod-identity mode; label without a ServiceAccount (no fix)',
      files: k8s`
        apiVersion: aadpodidentity.k8s.io/v1
        kind: AzureIdentity
        #     ^^^^^^^^^^^^^ podIdentityKind
        metadata:
          name: orders-identity
        ---
        apiVersion: aadpodidentity.k8s.io/v1
        kind: AzureIdentityBinding
        #     ^^^^^^^^^^^^^^^^^^^^ podIdentityKind
        metadata:
          name: orders-binding
        ---
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: kv
        spec:
          provider: azure
          parameters:
            usePodIdentity: "true"
        #                   ^^^^^^ usePodIdentity
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: job
          labels: { aadpodidbinding: orders-identity }
        #           ^^^^^^^^^^^^^^^ podIdentityLabel
        spec:
          containers: []
      `,
    },
    {
      name: 'Terraform: Helm values and set blocks, kubernetes_manifest AzureIdentity',
      files: tf`
        resource "helm_release" "app" {
          name   = "app"
          values = [yamlencode({ podLabels = { aadpodidbinding = "orders" } })]
        # ^^^^^^ helmValues
          set {
            name  = "podLabels.aadpodidbinding"
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ helmValues
            value = "orders"
          }
        }

        resource "kubernetes_manifest" "identity" {
          manifest = {
            apiVersion = "aadpodidentity.k8s.io/v1"
            kind       = "AzureIdentity"
        #                ^^^^^^^^^^^^^^^ podIdentityKind
            metadata   = { name = "orders" }
          }
        }
      `,
    },
  ],
});
