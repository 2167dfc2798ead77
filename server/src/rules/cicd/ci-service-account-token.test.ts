import { k8s, tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './ci-service-account-token';

ruleTests(rule, {
  valid: [
    {
      name: 'short-lived token from a TokenRequest; namespaced RoleBinding',
      doc: true,
      files: tf`
        resource "kubernetes_service_account_v1" "ci" {
          metadata {
            name      = "ci"
            namespace = "ci"
          }
        }

        resource "kubernetes_token_request_v1" "ci" {
          metadata {
            name      = kubernetes_service_account_v1.ci.metadata[0].name
            namespace = "ci"
          }
          spec {
            expiration_seconds = 3600
          }
        }

        resource "kubernetes_role_binding_v1" "ci" {
          metadata {
            name      = "ci-deployer"
            namespace = "ci"
          }
          role_ref {
            api_group = "rbac.authorization.k8s.io"
            kind      = "Role"
            name      = "deployer"
          }
          subject {
            kind      = "ServiceAccount"
            name      = "ci"
            namespace = "ci"
          }
        }
      `,
    },
    {
      name: 'YAML: ClusterRoleBinding of a group to cluster-admin, an opaque Secret',
      files: k8s`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: admins
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: Group
            name: aks-admins
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        type: Opaque
      `,
    },
  ],
  invalid: [
    {
      name: 'token Secret without the service-account annotation',
      doc: true,
      files: tf`
        resource "kubernetes_service_account_v1" "ci" {
          metadata {
            name      = "ci"
            namespace = "ci"
          }
        }

        resource "kubernetes_secret_v1" "ci" {
          metadata {
        # ^^^^^^^^ tokenSecretNoAnnotation
            name      = "ci-token"
            namespace = "ci"
          }
          type = "kubernetes.io/service-account-token"
        # ^^^^ longLivedToken
        }
      `,
      output: tf`
        resource "kubernetes_service_account_v1" "ci" {
          metadata {
            name      = "ci"
            namespace = "ci"
          }
        }

        resource "kubernetes_secret_v1" "ci" {
          wait_for_service_account_token = true

          metadata {
            name      = "ci-token"
            namespace = "ci"
            annotations = {
              "kubernetes.io/service-account.name" = kubernetes_service_account_v1.ci.metadata[0].name
            }
          }
          type = "kubernetes.io/service-account-token"
        }
      `,
    },
    {
      name: 'annotated token Secret is still long-lived; default_secret_name is empty since 1.24',
      files: tf`
        resource "kubernetes_service_account_v1" "ci" {
          metadata {
            name = "ci"
          }
        }

        resource "kubernetes_secret_v1" "ci" {
          metadata {
            name = "ci-token"
            annotations = {
              "kubernetes.io/service-account.name" = kubernetes_service_account_v1.ci.metadata[0].name
            }
          }
          type                           = "kubernetes.io/service-account-token"
        # ^^^^ longLivedToken
          wait_for_service_account_token = true
        }

        output "ci_secret" {
          value = kubernetes_service_account_v1.ci.default_secret_name
        #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ defaultSecretName
        }
      `,
    },
    {
      name: 'Terraform ClusterRoleBinding of the CI service account to cluster-admin',
      files: tf`
        resource "kubernetes_cluster_role_binding_v1" "ci" {
          metadata {
            name = "ci-admin"
          }
          role_ref {
            api_group = "rbac.authorization.k8s.io"
            kind      = "ClusterRole"
            name      = "cluster-admin"
        #   ^^^^ clusterAdmin
          }
          subject {
            kind      = "ServiceAccount"
            name      = "ci"
            namespace = "ci"
          }
        }
      `,
    },
    {
      name: 'YAML token Secret without annotation and a cluster-admin ServiceAccount binding',
      files: k8s`
        apiVersion: v1
        kind: Secret
        metadata:
      # ^^^^^^^^ tokenSecretNoAnnotation
          name: ci-token
          namespace: ci
        type: kubernetes.io/service-account-token
      # ^^^^ longLivedToken
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: ci-admin
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        # ^^^^ clusterAdmin
        subjects:
          - kind: ServiceAccount
            name: ci
            namespace: ci
      `,
    },
  ],
});
