import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../workspace';
import { keyVaultCertificatesNamed } from './keyvault-certificates';

const TF = `
variable "vault" {
  default = "kv-prod"
}
resource "azurerm_key_vault" "kv" {
  name = var.vault
}
data "azurerm_key_vault" "other" {
  name                = "kv-other"
  resource_group_name = "rg"
}
resource "azurerm_key_vault_certificate" "ingress" {
  name         = "ingress-cert"
  key_vault_id = azurerm_key_vault.kv.id
}
resource "azurerm_key_vault_certificate" "api" {
  name         = "api-cert"
  key_vault_id = data.azurerm_key_vault.other.id
}
resource "azurerm_key_vault_certificate" "unknown_vault" {
  name         = "ingress-cert"
  key_vault_id = var.vault_id
}
`;

const tf = Workspace.create([{ path: 'main.tf', text: TF }]).terraform();

test('matches by certificate name and the vault name behind key_vault_id (resource, variable, data source)', () => {
  const [m, ...rest] = keyVaultCertificatesNamed(tf, 'kv-prod', 'ingress-cert');
  assert.equal(rest.length, 0, 'a certificate whose vault is unknown never matches');
  assert.equal(m.certificate.address, 'azurerm_key_vault_certificate.ingress');
  assert.equal(m.vault.address, 'azurerm_key_vault.kv');
  assert.equal(keyVaultCertificatesNamed(tf, 'KV-Other', 'API-cert')[0]?.certificate.address, 'azurerm_key_vault_certificate.api');
});

test('another vault or another name does not match', () => {
  assert.deepEqual(keyVaultCertificatesNamed(tf, 'kv-other', 'ingress-cert'), []);
  assert.deepEqual(keyVaultCertificatesNamed(tf, 'kv-prod', 'db-password'), []);
});
