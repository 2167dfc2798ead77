import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYVAULT_NAME_RE, objectTypeInfo, parseGoBool, SPC_PARAMETERS, vaultNameFromUrl } from './keyvault';
import {
  isAksIssuerUrl, parseServiceAccountSubject, serviceAccountSubject, WI_AUDIENCE, WORKLOAD_IDENTITY_KEYS, workloadIdentityKey,
} from './workload-identity';

test('SecretProviderClass parameter table: unique names, required set as documented', () => {
  assert.equal(new Set(SPC_PARAMETERS.map((p) => p.name)).size, SPC_PARAMETERS.length);
  assert.deepEqual(SPC_PARAMETERS.filter((p) => p.required).map((p) => p.name), ['keyvaultName', 'tenantID', 'objects']);
  assert.equal(SPC_PARAMETERS.find((p) => p.name === 'usePodIdentity')?.type, 'bool-string');
});

test('object types: only cert loses the private key and chain; lookup is case-sensitive', () => {
  assert.equal(objectTypeInfo('cert')?.includesPrivateKey, false);
  assert.equal(objectTypeInfo('secret')?.includesPrivateKey, true);
  assert.equal(objectTypeInfo('secret')?.includesChain, true);
  assert.equal(objectTypeInfo('Secret'), undefined);
  assert.equal(objectTypeInfo('key')?.rbacRole, 'Key Vault Certificate User');
});

test('Go ParseBool values and vault names', () => {
  assert.equal(parseGoBool('True'), true);
  assert.equal(parseGoBool('0'), false);
  assert.equal(parseGoBool('yes'), undefined);
  assert.ok(KEYVAULT_NAME_RE.test('kv-prod'));
  assert.ok(!KEYVAULT_NAME_RE.test('https://kv-prod.vault.azure.net/'));
  assert.equal(vaultNameFromUrl('https://kv-prod.vault.azure.net/'), 'kv-prod');
  assert.equal(vaultNameFromUrl('kv-prod'), undefined);
});

test('workload identity keys, audience, subject and issuer forms', () => {
  assert.equal(workloadIdentityKey('azure.workload.identity/use')?.placement, 'Pod template label');
  assert.equal(workloadIdentityKey('azure.workload.identity/client-id')?.placement, 'ServiceAccount annotation');
  assert.equal(new Set(WORKLOAD_IDENTITY_KEYS.map((k) => k.key)).size, WORKLOAD_IDENTITY_KEYS.length);
  assert.equal(WI_AUDIENCE, 'api://AzureADTokenExchange');
  assert.equal(serviceAccountSubject('shop', 'orders'), 'system:serviceaccount:shop:orders');
  assert.deepEqual(parseServiceAccountSubject('system:serviceaccount:shop:orders'), { namespace: 'shop', name: 'orders' });
  assert.equal(parseServiceAccountSubject('orders'), undefined);
  const sample = 'https://westeurope.oic.prod-aks.azure.com/11111111-1111-1111-1111-111111111111/88888888-0000-0000-0000-000000000000/';
  assert.ok(isAksIssuerUrl(sample)); // the §2.4 sample issuerUrl
  assert.ok(isAksIssuerUrl('https://oidc.prod-aks.azure.com/11111111-1111-1111-1111-111111111111/'));
  assert.ok(!isAksIssuerUrl(sample.slice(0, -1))); // missing trailing slash
});
