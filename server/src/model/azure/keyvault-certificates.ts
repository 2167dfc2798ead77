import type { TerraformModel, TfResource } from '../terraform/model-types';

// Key Vault certificates declared in Terraform, looked up by the names a SecretProviderClass uses (keyvaultName +
// objectName), so hovers can say what objectType: secret returns for that very certificate (aks-rules §2.7, Lesson 9).

export interface KeyVaultCertificateMatch {
  readonly certificate: TfResource;
  /** the azurerm_key_vault (resource or data source) the certificate's key_vault_id refers to */
  readonly vault: TfResource;
}

/** Static `name` of a resource; undefined when not a known string. */
function nameOf(r: TfResource): string | undefined {
  const v = r.attribute('name')?.value;
  return v?.kind === 'string' ? v.value : undefined;
}

/** The vault a certificate's key_vault_id points at (`azurerm_key_vault.x.id` or `data.azurerm_key_vault.x.id`). */
export function certificateVault(certificate: TfResource): TfResource | undefined {
  const attr = certificate.attribute('key_vault_id');
  if (!attr) return undefined;
  const ref = certificate.module.referenceOf(attr.expr, attr.file);
  if (!ref || (ref.kind !== 'resource' && ref.kind !== 'data') || ref.path[0] !== 'id') return undefined;
  const target = ref.target as TfResource | undefined;
  return target?.type === 'azurerm_key_vault' ? target : undefined;
}

/**
 * azurerm_key_vault_certificate resources named `certificateName` in a vault named `vaultName` (both compared as
 * Azure compares names: case-insensitively). Certificates whose name or vault is not known statically never match.
 */
export function keyVaultCertificatesNamed(tf: TerraformModel, vaultName: string, certificateName: string): KeyVaultCertificateMatch[] {
  const out: KeyVaultCertificateMatch[] = [];
  for (const certificate of tf.resourcesOfType('azurerm_key_vault_certificate')) {
    if (nameOf(certificate)?.toLowerCase() !== certificateName.toLowerCase()) continue;
    const vault = certificateVault(certificate);
    if (vault && nameOf(vault)?.toLowerCase() === vaultName.toLowerCase()) out.push({ certificate, vault });
  }
  return out;
}
