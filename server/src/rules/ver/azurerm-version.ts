import type { TfModule } from '../../model/terraform/model-types';
import { compareVersions } from '../../model/azure/versions';

// The azurerm version a module runs, as far as it is known: the exact lock-file version when there is one, else
// only the major (from the model's §1.4 detection). Used by AKS-VER-001 and by fixes that must pick a spelling.

export interface AzurermVersion {
  readonly major: number | undefined;
  /** exact version from .terraform.lock.hcl */
  readonly exact: string | undefined;
}

export function azurermVersion(module: TfModule): AzurermVersion {
  let exact: string | undefined;
  for (const [address, locked] of module.lockedProviders) if (/(^|\/)hashicorp\/azurerm$/i.test(address) && locked.version) exact = locked.version;
  return { major: module.azurermMajorVersion, exact };
}

/**
 * True / false when the module's azurerm is certainly at least / below `version`; undefined when that depends on a
 * minor version the module does not pin.
 */
export function atLeast(v: AzurermVersion, version: string): boolean | undefined {
  if (v.exact) {
    const c = compareVersions(v.exact, version);
    if (c !== undefined) return c >= 0;
  }
  if (v.major === undefined) return undefined;
  const [major, minor, patch] = version.split('.').map(Number);
  if (v.major > major) return true;
  if (v.major < major) return false;
  return minor === 0 && patch === 0 ? true : undefined;
}
