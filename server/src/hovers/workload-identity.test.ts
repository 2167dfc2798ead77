import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverWorkloadIdentity } from './workload-identity';

const YAML = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: orders
  annotations:
    azure.workload.identity/client-id: "9a1b2c3d-0000-4000-8000-000000000001"
  labels:
    azure.workload.identity/use: "true"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    metadata:
      labels:
        aadpodidbinding: orders
        app: orders
    spec:
      serviceAccountName: orders
`;
const TF = `resource "azurerm_kubernetes_cluster" "aks" {
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
}

resource "azurerm_federated_identity_credential" "c" {
  subject = "system:serviceaccount:shop:orders"
}
`;
const ws = Workspace.create([{ path: 'k8s.yaml', text: YAML }, { path: 'main.tf', text: TF }]);
const at = (file: string, text: string, needle: string, from = 0) => hoverWorkloadIdentity(ws, file, text.indexOf(needle, from) + 2);

test('ServiceAccount annotation: placement, value and the source last', () => {
  const h = at('k8s.yaml', YAML, 'azure.workload.identity/client-id')!;
  assert.match(h.markdown, /^\*\*azure\.workload\.identity\/client-id\*\* — ServiceAccount annotation/);
  assert.match(h.markdown, /not the object\/principal ID/);
  assert.doesNotMatch(h.markdown, /it belongs on/);
  assert.match(h.markdown.split('\n').pop()!, /^Source: MicrosoftDocs\/azure-aks-docs/);
  assert.equal(YAML.slice(h.range.start, h.range.end), 'azure.workload.identity/client-id');
});

test('use label on a ServiceAccount says where it belongs; aadpodidbinding gives the migration', () => {
  const h = at('k8s.yaml', YAML, 'azure.workload.identity/use')!;
  assert.match(h.markdown, /Here it is a ServiceAccount label; it belongs on the Pod template label\./);
  const p = at('k8s.yaml', YAML, 'aadpodidbinding')!;
  assert.match(p.markdown, /deprecated 2022-10-24/);
  assert.match(p.markdown.split('\n').pop()!, /use-azure-ad-pod-identity\.md$/);
  assert.equal(at('k8s.yaml', YAML, 'app: orders'), undefined);
});

test('Terraform arguments: oidc_issuer_enabled and subject; nothing elsewhere', () => {
  assert.match(at('main.tf', TF, 'oidc_issuer_enabled')!.markdown, /cannot be disabled once enabled/);
  assert.match(at('main.tf', TF, 'workload_identity_enabled')!.markdown, /must be set to `true`/);
  assert.match(at('main.tf', TF, 'subject')!.markdown, /system:serviceaccount:<namespace>:<serviceaccount>/);
  assert.equal(hoverWorkloadIdentity(ws, 'main.tf', 0), undefined);
});
