import { k8s, tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './workload-identity-labels';

ruleTests(rule, {
  valid: [
    {
      name: 'annotated ServiceAccount, labelled pod template',
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: orders
          namespace: shop
          annotations:
            azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: orders, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: orders, azure.workload.identity/use: "true" }
            spec:
              serviceAccountName: orders
      `,
    },
    {
      name: 'ServiceAccount without client-id; ServiceAccount in another namespace; placeholder client id',
      files: k8s`
        --- sa.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: plain
          namespace: shop
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: orders
          namespace: other
          annotations:
            azure.workload.identity/client-id: \${USER_ASSIGNED_CLIENT_ID}
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: a
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: plain
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: b
          namespace: shop
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  serviceAccountName: orders
      `,
    },
    {
      name: 'label on a ServiceAccount no pod here relies on (ignored, harmless); same name in another folder',
      files: k8s`
        --- a/sa.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: orders
          annotations:
            azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
          labels:
            azure.workload.identity/use: "true"
        --- b/pod.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: manual-proxy
        spec:
          serviceAccountName: orders
      `,
    },
    {
      name: 'Terraform deployment with the label, service account by reference',
      files: tf`
        resource "kubernetes_service_account_v1" "sa" {
          metadata {
            name      = "orders"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.orders.client_id
            }
          }
        }

        resource "kubernetes_deployment_v1" "orders" {
          metadata {
            name      = "orders"
            namespace = "shop"
          }
          spec {
            template {
              metadata {
                labels = {
                  "azure.workload.identity/use" = "true"
                }
              }
              spec {
                service_account_name = kubernetes_service_account_v1.sa.metadata[0].name
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Terraform deployment without the label (no YAML fix for HCL)',
      files: tf`
        resource "kubernetes_service_account_v1" "sa" {
          metadata {
            name      = "orders"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.orders.client_id
            }
          }
        }

        resource "kubernetes_deployment_v1" "orders" {
          metadata {
            name      = "orders"
            namespace = "shop"
          }
          spec {
            template {
              metadata {
                labels = { app = "orders" }
              }
              spec {
                service_account_name = kubernetes_service_account_v1.sa.metadata[0].name
        #                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missingUseLabel
              }
            }
          }
        }
      `,
    },
    {
      name: 'label on the ServiceAccount instead of the pod template',
      doc: true,
      files: k8s`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: orders
          namespace: shop
          annotations:
            azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
          labels:
            azure.workload.identity/use: "true"
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ misplacedUseLabel
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: orders, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: orders }
            spec:
              serviceAccountName: orders
        #                         ^^^^^^ missingUseLabel
      `,
    },
    {
      name: 'Terraform ServiceAccount, YAML Deployment without the label (fix adds it); client-id on the pod',
      files: tf`
        --- sa.tf
        resource "kubernetes_service_account_v1" "orders" {
          metadata {
            name      = "orders"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.orders.client_id
            }
          }
        }
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          namespace: shop
        spec:
          template:
            metadata:
              annotations:
                azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
        #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clientIdOnPod
              labels:
                app: orders # the app
            spec:
              serviceAccountName: orders
        #                         ^^^^^^ missingUseLabel
      `,
      output: tf`
        --- deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          namespace: shop
        spec:
          template:
            metadata:
              annotations:
                azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
              labels:
                app: orders # the app
                azure.workload.identity/use: "true"
            spec:
              serviceAccountName: orders
      `,
    },
    {
      name: 'unquoted true on the pod template label',
      files: k8s`
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
          labels:
            azure.workload.identity/use: true
        #                                ^^^^ unquotedTrue
        spec:
          serviceAccountName: worker
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            metadata:
              labels:
                azure.workload.identity/use: true
        #                                    ^^^^ unquotedTrue
            spec:
              serviceAccountName: db
      `,
      output: k8s`
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
          labels:
            azure.workload.identity/use: "true"
        spec:
          serviceAccountName: worker
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            metadata:
              labels:
                azure.workload.identity/use: "true"
            spec:
              serviceAccountName: db
      `,
    },
    {
      name: 'label on the Deployment metadata; namespaces not set (by-name match); no template metadata to insert into',
      files: k8s`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: orders
          annotations:
            azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          labels:
            azure.workload.identity/use: "true"
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ misplacedUseLabel
        spec:
          template:
            spec:
              serviceAccountName: orders
        #                         ^^^^^^ missingUseLabelByName
      `,
    },
    {
      name: 'client-id not a GUID (YAML); principal_id instead of client_id (Terraform)',
      files: tf`
        --- sa.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: api
          namespace: shop
          annotations:
            azure.workload.identity/client-id: id-orders
        #                                      ^^^^^^^^^ clientIdNotGuid
        --- sa.tf
        resource "kubernetes_service_account" "orders" {
          metadata {
            name      = "orders"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.orders.principal_id
        #                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clientIdIsPrincipal
            }
          }
        }
      `,
      output: tf`
        --- sa.tf
        resource "kubernetes_service_account" "orders" {
          metadata {
            name      = "orders"
            namespace = "shop"
            annotations = {
              "azure.workload.identity/client-id" = azurerm_user_assigned_identity.orders.client_id
            }
          }
        }
      `,
    },
  ],
});
