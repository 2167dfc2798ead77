import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podSpecOf } from '../kubernetes/pod-spec';
import { scalarText } from '../kubernetes/k-value';
import { Workspace } from '../workspace';
import { kubernetesWorkloadsOf } from './kubernetes-workloads';

const MAIN = `
resource "kubernetes_deployment_v1" "app" {
  metadata {
    name      = "orders"
    namespace = var.ns
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
variable "ns" {
  default = "shop"
}
resource "kubernetes_service_account_v1" "sa" {
  metadata {
    name = "orders-sa"
  }
}
resource "kubernetes_cron_job_v1" "nightly" {
  metadata {
    name = "nightly"
  }
  spec {
    job_template {
      spec {
        template {
          metadata {}
          spec {
            service_account_name = "batch"
          }
        }
      }
    }
  }
}
resource "kubernetes_pod" "one" {
  metadata {
    name   = "one"
    labels = { aadpodidbinding = "x" }
  }
  spec {
    service_account_name = "one"
  }
}
resource "kubernetes_deployment" "no_template" {
  metadata {
    name = "broken"
  }
}
`;

const module = Workspace.create([{ path: 'main.tf', text: MAIN }]).terraform().modules[0];
const workloads = kubernetesWorkloadsOf(module);

test('deployment: kind, namespace through a variable, pod template label with its HCL range, service account by reference', () => {
  const d = workloads.find((w) => w.resource.name === 'app')!;
  assert.equal(d.object.kind, 'Deployment');
  assert.equal(d.object.namespace, 'shop');
  const pod = podSpecOf(d.object)!;
  const label = pod.label('azure.workload.identity/use')!;
  assert.equal(scalarText(label.value), 'true');
  assert.equal(MAIN.slice(label.value.range.start, label.value.range.end), '"true"');
  assert.equal(scalarText(pod.serviceAccountName), 'orders-sa');
});

test('cron job template and pod resource; a workload without a template is skipped', () => {
  const cron = podSpecOf(workloads.find((w) => w.resource.name === 'nightly')!.object)!;
  assert.equal(scalarText(cron.serviceAccountName), 'batch');
  const pod = podSpecOf(workloads.find((w) => w.resource.name === 'one')!.object)!;
  assert.equal(scalarText(pod.serviceAccountName), 'one');
  assert.equal(scalarText(pod.label('aadpodidbinding')?.value), 'x');
  assert.equal(workloads.some((w) => w.resource.name === 'no_template'), false);
  assert.deepEqual(workloads.map((w) => w.object.kind).sort(), ['CronJob', 'Deployment', 'Pod']);
});
