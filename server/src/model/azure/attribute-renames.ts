// azurerm attribute renames and removals v2 -> v3 -> v4 -> v5 (aks-rules.md §2.2, AKS-VER-001).
// Paths are dotted block/attribute paths inside the resource (`default_node_pool.enable_auto_scaling`).
import { compareVersions, majorFromLockVersion } from './versions';

export type ChangeKind = 'renamed' | 'removed' | 'moved' | 'replaced' | 'value-removed' | 'default-changed' | 'now-required' | 'added';

export interface AttributeChange {
  readonly resource: string;
  /** Path that stopped working (absent for `added`). */
  readonly oldPath?: string;
  /** Replacement path, when there is one. */
  readonly newPath?: string;
  readonly kind: ChangeKind;
  /** azurerm version in which the change took effect (new name available / old name gone / default changed). */
  readonly changedIn: string;
  /** When the old path is only removed later than `changedIn` (deprecation period). */
  readonly removedIn?: string;
  /** For `value-removed`: the value no longer accepted. */
  readonly value?: string;
  /** Quick fix AKS-VER-001 offers. */
  readonly fix: 'rename' | 'delete' | 'none';
  /** Replacement advice text. */
  readonly advice: string;
  readonly note?: string;
  readonly source: string;
}

const G3 = 'website/docs/guides/3.0-upgrade-guide.html.markdown';
const G4 = 'website/docs/guides/4.0-upgrade-guide.html.markdown';
const G4API = `${G4} ("AKS migration to stable API")`;
const G5 = 'website/docs/guides/5.0-upgrade-guide.html.markdown';
const AKS = 'azurerm_kubernetes_cluster';
const POOL = 'azurerm_kubernetes_cluster_node_pool';

function renamed(resource: string, oldPath: string, newPath: string, changedIn: string, source: string, note?: string): AttributeChange {
  const advice = `${oldPath.split('.').pop()} was renamed to ${newPath.split('.').pop()} in azurerm ${changedIn.replace(/\.0$/, '')}.`;
  return note ? { resource, oldPath, newPath, kind: 'renamed', changedIn, fix: 'rename', advice, note, source } : { resource, oldPath, newPath, kind: 'renamed', changedIn, fix: 'rename', advice, source };
}

function removed(resource: string, oldPath: string, changedIn: string, advice: string, source: string, fix: 'delete' | 'none' = 'delete', note?: string): AttributeChange {
  return note ? { resource, oldPath, kind: 'removed', changedIn, fix, advice, note, source } : { resource, oldPath, kind: 'removed', changedIn, fix, advice, source };
}

export const ATTRIBUTE_CHANGES: readonly AttributeChange[] = [
  // 2.x -> 3.0
  { resource: AKS, oldPath: 'role_based_access_control', newPath: 'role_based_access_control_enabled', kind: 'replaced', changedIn: '3.0.0', fix: 'none', advice: 'role_based_access_control { } was removed in azurerm 3.0; use role_based_access_control_enabled and azure_active_directory_role_based_access_control { }.', note: 'role_based_access_control_enabled is a bool, default true, ForceNew.', source: G3 },
  { resource: AKS, oldPath: 'addon_profile', kind: 'replaced', changedIn: '3.0.0', fix: 'none', advice: 'addon_profile { } was removed in azurerm 3.0; use the top-level oms_agent { }, azure_policy_enabled, key_vault_secrets_provider { }, ingress_application_gateway { }, http_application_routing_enabled, open_service_mesh_enabled, aci_connector_linux { }.', source: G3 },
  renamed(AKS, 'identity.user_assigned_identity_ids', 'identity.identity_ids', '3.0.0', G3),
  renamed(AKS, 'default_node_pool.availability_zones', 'default_node_pool.zones', '3.0.0', G3),
  renamed(AKS, 'private_link_enabled', 'private_cluster_enabled', '3.0.0', G3),
  // 3.x -> 4.0
  removed(AKS, 'azure_active_directory_role_based_access_control.managed', '4.0.0', 'azure_active_directory_role_based_access_control.managed was removed in azurerm 4.0 (managed Entra integration is implied).', G4),
  removed(AKS, 'azure_active_directory_role_based_access_control.client_app_id', '4.0.0', 'client_app_id (legacy AAD integration) was removed in azurerm 4.0.', G4),
  removed(AKS, 'azure_active_directory_role_based_access_control.server_app_id', '4.0.0', 'server_app_id (legacy AAD integration) was removed in azurerm 4.0.', G4),
  removed(AKS, 'azure_active_directory_role_based_access_control.server_app_secret', '4.0.0', 'server_app_secret (legacy AAD integration) was removed in azurerm 4.0.', G4),
  renamed(AKS, 'automatic_channel_upgrade', 'automatic_upgrade_channel', '4.0.0', G4),
  renamed(AKS, 'node_os_channel_upgrade', 'node_os_upgrade_channel', '4.0.0', G4, 'node_os_upgrade_channel now defaults to NodeImage.'),
  renamed(AKS, 'default_node_pool.enable_auto_scaling', 'default_node_pool.auto_scaling_enabled', '4.0.0', G4),
  renamed(AKS, 'default_node_pool.enable_node_public_ip', 'default_node_pool.node_public_ip_enabled', '4.0.0', G4),
  renamed(AKS, 'default_node_pool.enable_host_encryption', 'default_node_pool.host_encryption_enabled', '4.0.0', G4),
  { resource: AKS, oldPath: 'default_node_pool.type', kind: 'value-removed', value: 'AvailabilitySet', changedIn: '4.0.0', fix: 'none', advice: 'default_node_pool.type = "AvailabilitySet" is not accepted in azurerm 4.0 (only VirtualMachineScaleSets).', source: G4 },
  removed(AKS, 'default_node_pool.node_taints', '4.0.0', 'default_node_pool.node_taints was removed in azurerm 4.0.', G4),
  { resource: AKS, oldPath: 'api_server_authorized_ip_ranges', newPath: 'api_server_access_profile.authorized_ip_ranges', kind: 'moved', changedIn: '4.0.0', fix: 'none', advice: 'api_server_authorized_ip_ranges was removed in azurerm 4.0; use api_server_access_profile { authorized_ip_ranges = [...] }.', source: G4 },
  removed(AKS, 'network_profile.docker_bridge_cidr', '4.0.0', 'network_profile.docker_bridge_cidr was removed in azurerm 4.0.', G4),
  { resource: AKS, oldPath: 'network_profile.ebpf_data_plane', newPath: 'network_profile.network_data_plane', kind: 'replaced', changedIn: '4.0.0', fix: 'none', advice: 'network_profile.ebpf_data_plane was removed in azurerm 4.0; use network_profile.network_data_plane.', source: G4 },
  removed(AKS, 'public_network_access_enabled', '4.0.0', 'public_network_access_enabled was removed in azurerm 4.0.', G4, 'none'),
  removed(AKS, 'enable_pod_security_policy', '4.0.0', 'enable_pod_security_policy was removed in azurerm 4.0.', G4, 'none'),
  { resource: AKS, oldPath: 'web_app_routing.dns_zone_id', newPath: 'web_app_routing.dns_zone_ids', kind: 'replaced', changedIn: '4.0.0', fix: 'none', advice: 'web_app_routing.dns_zone_id was removed in azurerm 4.0; use dns_zone_ids (a list).', source: G4 },
  { resource: AKS, oldPath: 'image_cleaner_interval_hours', kind: 'default-changed', changedIn: '4.0.0', fix: 'none', advice: 'image_cleaner_interval_hours defaulted to 48 in 3.x; from azurerm 4.0 the default is 0 and it is only set when image_cleaner_enabled = true.', source: G4 },
  removed(AKS, 'custom_ca_trust_enabled', '4.0.0', 'custom_ca_trust_enabled was removed in azurerm 4.0.0 (AKS migration to stable API).', G4API, 'none'),
  removed(AKS, 'custom_ca_trust_certificates_base64', '4.0.0', 'custom_ca_trust_certificates_base64 was removed in azurerm 4.0.0 and is present again from v4.36.0.', G4API, 'none', 'Re-added in v4.36.0: accept it from 4.36.0 on.'),
  removed(AKS, 'api_server_access_profile.vnet_integration_enabled', '4.0.0', 'api_server_access_profile.vnet_integration_enabled was removed in azurerm 4.0.0; virtual_network_integration_enabled is present again in the v4.81.0 docs.', G4API, 'none', 'First 4.x release that re-added it is not stated (only the v4.81.0 docs were read).'),
  removed(AKS, 'api_server_access_profile.subnet_id', '4.0.0', 'api_server_access_profile.subnet_id was removed in azurerm 4.0.0 and is present again in the v4.81.0 docs.', G4API, 'none', 'First 4.x release that re-added it is not stated (only the v4.81.0 docs were read).'),
  removed(AKS, 'message_of_the_day', '4.0.0', 'message_of_the_day was removed in azurerm 4.0.0 (AKS migration to stable API).', G4API, 'none'),
  removed(AKS, 'storage_profile.disk_driver_version', '4.0.0', 'storage_profile.disk_driver_version was removed in azurerm 4.0.0 (AKS migration to stable API).', G4API, 'none'),
  { resource: AKS, oldPath: 'service_mesh_profile.revisions', kind: 'now-required', changedIn: '4.0.0', fix: 'none', advice: 'service_mesh_profile requires revisions from azurerm 4.0.', source: G4 },
  // 4.x -> 5.0
  // Not offered as an automatic rename: the doc gives no reason to assume both names mean the same.
  { ...renamed(AKS, 'default_node_pool.kubelet_config.container_log_max_line', 'default_node_pool.kubelet_config.container_log_max_files', '5.0.0', G5), fix: 'none' },
  { resource: AKS, oldPath: 'default_node_pool.linux_os_config.transparent_huge_page_enabled', newPath: 'default_node_pool.linux_os_config.transparent_huge_page', kind: 'replaced', changedIn: '5.0.0', fix: 'none', advice: 'transparent_huge_page_enabled was removed in azurerm 5.0; use transparent_huge_page.', source: G5 },
  { resource: AKS, oldPath: 'node_provisioning_profile', kind: 'now-required', changedIn: '5.0.0', fix: 'none', advice: 'node_provisioning_profile is Required from azurerm 5.0.', source: G5 },
  { resource: AKS, oldPath: 'oidc_issuer_enabled', kind: 'default-changed', changedIn: '5.0.0', fix: 'none', advice: 'oidc_issuer_enabled defaults to true from azurerm 5.0 (4.x: no provider default, Azure decides).', source: `${G5}; internal/services/containers/kubernetes_cluster_resource.go` },
  // node pools
  renamed(POOL, 'enable_auto_scaling', 'auto_scaling_enabled', '4.0.0', G4),
  renamed(POOL, 'enable_node_public_ip', 'node_public_ip_enabled', '4.0.0', G4),
  renamed(POOL, 'enable_host_encryption', 'host_encryption_enabled', '4.0.0', G4),
  // other resources
  { ...renamed('azurerm_key_vault', 'enable_rbac_authorization', 'rbac_authorization_enabled', '4.42.0', 'website/docs/r/key_vault.html.markdown; ' + G5), removedIn: '5.0.0', advice: 'enable_rbac_authorization was renamed to rbac_authorization_enabled (azurerm >= 4.42) and removed in 5.0.' },
  { resource: 'azurerm_key_vault', oldPath: 'rbac_authorization_enabled', kind: 'now-required', changedIn: '5.0.0', fix: 'none', advice: 'rbac_authorization_enabled is Required from azurerm 5.0.', source: G5 },
  {
    ...renamed('azurerm_federated_identity_credential', 'parent_id', 'user_assigned_identity_id', '4.65.0', 'website/docs/r/federated_identity_credential.html.markdown; federated_identity_credential_resource.go'),
    removedIn: '5.0.0',
    advice: 'parent_id was renamed to user_assigned_identity_id (azurerm >= 4.65) and removed in 5.0.',
    note: 'The rename fix also deletes resource_group_name (parent_id + resource_group_name were used up to v4.64).',
  },
  { resource: 'azurerm_container_registry', newPath: 'role_assignment_mode', kind: 'added', changedIn: '4.81.0', fix: 'none', advice: 'role_assignment_mode (AbacRepositoryPermissions | LegacyRegistryPermissions, default LegacyRegistryPermissions) first appears in the v4.81.0 docs.', note: 'v4.81.0 is the first snapshot read, not necessarily the first release with the argument.', source: 'website/docs/r/container_registry.html.markdown' },
];

export function attributeChangesFor(resource: string): AttributeChange[] {
  return ATTRIBUTE_CHANGES.filter((c) => c.resource === resource);
}

/** The change whose old path is `path` in `resource` (e.g. "default_node_pool.enable_auto_scaling"). */
export function findAttributeChange(resource: string, path: string): AttributeChange | undefined {
  return ATTRIBUTE_CHANGES.find((c) => c.resource === resource && c.oldPath === path && c.kind !== 'now-required' && c.kind !== 'default-changed');
}

export type OldPathStatus = 'accepted' | 'deprecated' | 'rejected' | 'unknown';

/**
 * Whether the old path still works for a pinned azurerm version ("4.57.0"). Unknown version -> 'unknown' (rules then
 * give info-level hints only, §1.4).
 */
export function oldPathStatus(change: AttributeChange, version: string | undefined): OldPathStatus {
  if (change.kind === 'added' || change.kind === 'default-changed' || change.kind === 'now-required') return 'accepted';
  if (version === undefined || majorFromLockVersion(version) === undefined) return 'unknown';
  const goneIn = change.removedIn ?? change.changedIn;
  if ((compareVersions(version, goneIn) ?? -1) >= 0) return 'rejected';
  if ((compareVersions(version, change.changedIn) ?? -1) >= 0) return 'deprecated';
  return 'accepted';
}
