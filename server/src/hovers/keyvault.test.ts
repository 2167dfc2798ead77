import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverKeyvault } from './keyvault';

const YAML = `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ingress-tls
spec:
  provider: azure
  secretObjects:
    - secretName: ingress-tls
      type: kubernetes.io/tls
      data:
        - {objectName: ingress-cert, key: tls.crt}
  parameters:
    useVMManagedIdentity: "true"
    userAssignedIdentityID: ""
    keyvaultName: kv-prod
    tenantID: "t"
    objects: |
      array:
        - |
          objectName: ingress-cert
          objectType: cert
          objectFormat: pem
`;
const TF = `resource "azurerm_kubernetes_cluster" "aks" {
  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }
}
resource "azurerm_key_vault" "kv" {
  name = "kv-prod"
}
resource "azurerm_key_vault_certificate" "ingress" {
  name         = "ingress-cert"
  key_vault_id = azurerm_key_vault.kv.id
}
`;

const ws = Workspace.create([{ path: 'spc.yaml', text: YAML }, { path: 'main.tf', text: TF }]);
const at = (needle: string) => YAML.indexOf(needle);
const CERT = at('objectType: cert') + 'objectType: '.length;

test('objectType cert: the three views, the Terraform certificate, what secret returns, exact range, source last', () => {
  const h = hoverKeyvault(ws, 'spc.yaml', CERT + 1)!;
  assert.deepEqual(h.range, { start: CERT, end: CERT + 4 });
  assert.match(h.markdown, /\| `cert` \| The certificate only, PEM/);
  assert.match(h.markdown, /\| `secret` \|.*private key/);
  assert.match(h.markdown, /`azurerm_key_vault_certificate\.ingress` in `azurerm_key_vault\.kv`/);
  assert.match(h.markdown, /PFX with `objectFormat: pfx`\) with the \*\*private key and the full chain\*\*/);
  assert.match(h.markdown, /Source: Azure\/secrets-store-csi-driver-provider-azure website\/content\/en\/configurations\/getting-certs-and-keys\.md$/);
});

test('without a matching Terraform certificate (other vault) the hover has no Terraform line', () => {
  const other = ws.withFile('main.tf', TF.replace('"kv-prod"', '"kv-other"'));
  assert.doesNotMatch(hoverKeyvault(other, 'spc.yaml', CERT)!.markdown, /Terraform declares/);
});

test('parameters: typing, defaults, and the add-on client ID for userAssignedIdentityID', () => {
  const flag = hoverKeyvault(ws, 'spc.yaml', at('useVMManagedIdentity'))!;
  assert.match(flag.markdown, /Go `ParseBool`: write `"true"` or `"false"` \(quoted\)/);
  assert.deepEqual(flag.range, { start: at('useVMManagedIdentity'), end: at('useVMManagedIdentity') + 'useVMManagedIdentity'.length });
  const uai = hoverKeyvault(ws, 'spc.yaml', at('userAssignedIdentityID') + 3)!;
  assert.match(uai.markdown, /`azurerm_kubernetes_cluster\.aks\.key_vault_secrets_provider\[0\]\.secret_identity\[0\]\.client_id`/);
  assert.match(uai.markdown, /Source: .*getting-started\/usage\/_index\.md$/);
  assert.match(hoverKeyvault(ws, 'spc.yaml', at('keyvaultName'))!.markdown, /\(required\): vault name \(not a URL\)/);
});

test('object fields and secretObjects', () => {
  assert.match(hoverKeyvault(ws, 'spc.yaml', at('objectFormat'))!.markdown, /Values: `pem`, `pfx`/);
  const sync = hoverKeyvault(ws, 'spc.yaml', at('secretObjects'))!;
  assert.match(sync.markdown, /only sync once you start a pod mounting/);
  assert.match(sync.markdown, /sync-with-k8s-secrets\.md$/);
});

test('nothing outside SecretProviderClass keys', () => {
  assert.equal(hoverKeyvault(ws, 'spc.yaml', at('provider')), undefined);
  assert.equal(hoverKeyvault(ws, 'spc.yaml', at('ingress-cert')), undefined);
  assert.equal(hoverKeyvault(ws, 'main.tf', 5), undefined);
});
