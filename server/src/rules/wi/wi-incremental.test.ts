import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../model/workspace';
import { RuleRunner } from '../../engine/run';
import { rule as workloadIdentityLabels } from './workload-identity-labels';
import { rule as federatedCredentialMatches } from './federated-credential-matches';

// The WI rules replay their per-ServiceAccount and join reports while the site lists are unchanged (site-lists.ts).
// A Terraform ServiceAccount's reports follow references into other files of its module: an edit there must be seen.

const sa = (ref: string) => `resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "azure.workload.identity/client-id" = ${ref}
    }
  }
}
`;
const identity = (attribute: string) => `resource "azurerm_user_assigned_identity" "orders" {
  name                = "orders"
  location            = "westeurope"
  resource_group_name = "rg"
}

locals {
  orders_client = azurerm_user_assigned_identity.orders.${attribute}
}
`;

test('a Terraform ServiceAccount\'s client-id reports follow edits to the identity\'s file and to YAML files', () => {
  const rules = [workloadIdentityLabels, federatedCredentialMatches];
  const runner = new RuleRunner(rules);
  const codes = (ws: Workspace) => runner.run(ws).map((f) => `${f.code} ${f.messageId} ${f.file}`);
  const fresh = (ws: Workspace) => new RuleRunner(rules).run(ws).map((f) => `${f.code} ${f.messageId} ${f.file}`);
  let ws = Workspace.create([
    { path: 'infra/sa.tf', text: sa('local.orders_client') },
    { path: 'infra/identity.tf', text: identity('principal_id') },
    { path: 'k8s/app.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n' },
  ]);
  assert.deepEqual(codes(ws), ['AKS-WI-002 clientIdIsPrincipal infra/sa.tf']);
  // a YAML edit: replayed, and still what a fresh runner finds
  ws = ws.withFile('k8s/app.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app2\n');
  assert.deepEqual(codes(ws), fresh(ws));
  assert.deepEqual(codes(ws), ['AKS-WI-002 clientIdIsPrincipal infra/sa.tf']);
  // the local the annotation names, fixed in another file of the module: now the client ID of an identity with no
  // federated credential for the ServiceAccount (AKS-WI-003 follows the same reference)
  ws = ws.withFile('infra/identity.tf', identity('client_id'));
  assert.deepEqual(codes(ws), fresh(ws));
  assert.deepEqual(codes(ws), ['AKS-WI-003 serviceAccountWithoutCredential infra/sa.tf']);
  // and broken again
  ws = ws.withFile('infra/identity.tf', identity('principal_id'));
  assert.deepEqual(codes(ws), fresh(ws));
  assert.deepEqual(codes(ws), ['AKS-WI-002 clientIdIsPrincipal infra/sa.tf']);
});
