import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPath } from '../kubernetes/k-value';
import { modelOf } from './terraform-fixture';

// kubernetes_* resources as K8sObjects, with the ranges of the HCL they came from.

const MAIN = `
resource "kubernetes_config_map" "coredns_custom" {
  metadata {
    name      = "coredns-custom"
    namespace = "kube-system"
  }
  data = {
    "test.server" = "example.com:53 { forward . 10.0.0.4 }"
  }
}
resource "kubernetes_config_map_v1_data" "patch" {
  metadata {
    name      = "coredns-custom"
    namespace = var.ns
  }
  data = { "a.override" = "log" }
}
variable "ns" {}
resource "kubernetes_service_account_v1" "ci" {
  metadata {
    name      = "ci"
    namespace = "default"
    annotations = {
      "azure.workload.identity/client-id" = azurerm_user_assigned_identity.ci.client_id
    }
  }
  automount_service_account_token = false
}
resource "kubernetes_manifest" "spc" {
  manifest = yamldecode(file("\${path.module}/spc.yaml"))
}
resource "kubernetes_manifest" "inline" {
  manifest = {
    apiVersion = "v1"
    kind       = "Namespace"
    metadata   = { name = "apps" }
  }
}
resource "kubernetes_manifest" "opaque" {
  manifest = var.manifest
}
variable "manifest" {}
`;
const SPC = 'apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: kv\nspec:\n  provider: azure\n';

test('kubernetes_config_map / _v1_data / _service_account / _manifest become K8sObjects', () => {
  const model = modelOf({ 'main.tf': MAIN }, { readFile: (p) => (p === 'spc.yaml' ? SPC : undefined) });
  const objs = model.kubernetesObjects;
  assert.deepEqual(
    objs.map((o) => [o.resource.address, o.object.kind, o.object.name, o.management]),
    [
      ['kubernetes_config_map.coredns_custom', 'ConfigMap', 'coredns-custom', 'create'],
      ['kubernetes_config_map_v1_data.patch', 'ConfigMap', 'coredns-custom', 'patch'],
      ['kubernetes_service_account_v1.ci', 'ServiceAccount', 'ci', 'create'],
      ['kubernetes_manifest.spc', 'SecretProviderClass', 'kv', 'create'],
      ['kubernetes_manifest.inline', 'Namespace', 'apps', 'create'],
    ],
  );
  const [cm, patch, sa, spc] = objs.map((o) => o.object);
  assert.equal(cm.namespace, 'kube-system');
  assert.equal(cm.source.origin, 'terraform');
  const data = cm.field('data');
  assert.equal(data?.kind, 'map');
  const server = getPath(data, 'test.server');
  assert.equal(server?.kind === 'scalar' && server.text, 'example.com:53 { forward . 10.0.0.4 }');
  // the value's range is the HCL string
  assert.equal(MAIN.slice(server!.range.start, server!.range.end), '"example.com:53 { forward . 10.0.0.4 }"');
  assert.equal(patch.namespace, undefined, 'an unknown namespace is not a namespace');
  assert.equal(patch.namespaceValue?.kind, 'unknown');
  assert.equal(sa.annotation('azure.workload.identity/client-id')?.value.kind, 'unknown');
  assert.equal(getPath(sa.root, 'automountServiceAccountToken')?.kind === 'scalar' && (getPath(sa.root, 'automountServiceAccountToken') as { value: unknown }).value, false);
  assert.equal(getPath(spc.root, 'spec', 'provider')?.kind === 'scalar' && (getPath(spc.root, 'spec', 'provider') as { text: string }).text, 'azure');
});

test('without a file reader, file()-based manifests are left out rather than guessed', () => {
  const model = modelOf({ 'main.tf': MAIN });
  assert.deepEqual(model.kubernetesObjects.map((o) => o.resource.name), ['coredns_custom', 'patch', 'ci', 'inline']);
});
