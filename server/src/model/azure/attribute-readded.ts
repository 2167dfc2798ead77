// azurerm arguments removed in 4.0.0 ("AKS migration to stable API") that came back in a later 4.x release
// (aks-rules.md §2.2). Without this, a `~> 4.0` pin would make AKS-VER-001 report arguments that work again.
import { compareVersions } from './versions';

export interface ReaddedAttribute {
  readonly resource: string;
  readonly path: string;
  /** the release that has it again */
  readonly version: string;
  /** false when only "present in the docs of `version`" is known, not the first release that re-added it */
  readonly firstRelease: boolean;
  readonly source: string;
}

export const READDED_ATTRIBUTES: readonly ReaddedAttribute[] = [
  { resource: 'azurerm_kubernetes_cluster', path: 'custom_ca_trust_certificates_base64', version: '4.36.0', firstRelease: true, source: 'kubernetes_cluster.html.markdown diffs v4.0.0..v4.81.0' },
  { resource: 'azurerm_kubernetes_cluster', path: 'api_server_access_profile.subnet_id', version: '4.81.0', firstRelease: false, source: 'kubernetes_cluster.html.markdown v4.81.0' },
];

export function readdedAttribute(resource: string, path: string): ReaddedAttribute | undefined {
  return READDED_ATTRIBUTES.find((r) => r.resource === resource && r.path === path);
}

/**
 * For an exact azurerm version: 'present' when the re-added argument certainly exists, 'absent' when it certainly
 * does not (before the first re-adding release), 'unknown' in between or when only a major version is known.
 */
export function readdedStatus(r: ReaddedAttribute, exact: string | undefined): 'present' | 'absent' | 'unknown' {
  if (!exact) return 'unknown';
  const c = compareVersions(exact, r.version);
  if (c === undefined) return 'unknown';
  if (c >= 0) return 'present';
  return r.firstRelease || (compareVersions(exact, '4.0.0') ?? -1) < 0 ? 'absent' : 'unknown';
}
