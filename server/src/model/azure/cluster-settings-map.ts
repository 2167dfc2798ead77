// Other cluster settings the rules read, in their three spellings (aks-rules.md §2.3 second table):
// Terraform (azurerm v4), `az aks show` (CLI camelCase) and ARM REST (wire names under `properties.`).

export interface ClusterSettingSpelling {
  readonly terraform: string;
  readonly azAksShow: string;
  /** Relative to `properties.`. */
  readonly arm: string;
  readonly unverified?: string;
}

export const CLUSTER_SETTING_SPELLINGS: readonly ClusterSettingSpelling[] = [
  { terraform: 'role_based_access_control_enabled', azAksShow: 'enableRbac', arm: 'enableRBAC' },
  { terraform: 'azure_active_directory_role_based_access_control.azure_rbac_enabled', azAksShow: 'aadProfile.enableAzureRbac', arm: 'aadProfile.enableAzureRBAC' },
  { terraform: 'azure_active_directory_role_based_access_control.admin_group_object_ids', azAksShow: 'aadProfile.adminGroupObjectIds', arm: 'aadProfile.adminGroupObjectIDs' },
  { terraform: 'azure_active_directory_role_based_access_control.tenant_id', azAksShow: 'aadProfile.tenantId', arm: 'aadProfile.tenantID' },
  { terraform: 'local_account_disabled', azAksShow: 'disableLocalAccounts', arm: 'disableLocalAccounts' },
  { terraform: 'private_cluster_enabled', azAksShow: 'apiServerAccessProfile.enablePrivateCluster', arm: 'apiServerAccessProfile.enablePrivateCluster' },
  { terraform: 'private_dns_zone_id', azAksShow: 'apiServerAccessProfile.privateDnsZone', arm: 'apiServerAccessProfile.privateDNSZone' },
  {
    terraform: 'private_cluster_public_fqdn_enabled', azAksShow: 'apiServerAccessProfile.enablePrivateClusterPublicFqdn', arm: 'apiServerAccessProfile.enablePrivateClusterPublicFQDN',
    unverified: 'CLI spelling enablePrivateClusterPublicFqdn',
  },
  { terraform: 'network_profile.network_plugin', azAksShow: 'networkProfile.networkPlugin', arm: 'networkProfile.networkPlugin' },
  { terraform: 'network_profile.network_plugin_mode', azAksShow: 'networkProfile.networkPluginMode', arm: 'networkProfile.networkPluginMode' },
  { terraform: 'network_profile.network_policy', azAksShow: 'networkProfile.networkPolicy', arm: 'networkProfile.networkPolicy' },
  { terraform: 'network_profile.network_data_plane', azAksShow: 'networkProfile.networkDataplane', arm: 'networkProfile.networkDataplane' },
  { terraform: 'network_profile.pod_cidr', azAksShow: 'networkProfile.podCidr', arm: 'networkProfile.podCidr' },
  { terraform: 'network_profile.service_cidr', azAksShow: 'networkProfile.serviceCidr', arm: 'networkProfile.serviceCidr' },
  { terraform: 'network_profile.dns_service_ip', azAksShow: 'networkProfile.dnsServiceIp', arm: 'networkProfile.dnsServiceIP' },
  { terraform: 'network_profile.outbound_type', azAksShow: 'networkProfile.outboundType', arm: 'networkProfile.outboundType' },
  { terraform: 'default_node_pool.zones', azAksShow: 'agentPoolProfiles[].availabilityZones', arm: 'agentPoolProfiles[].availabilityZones' },
  { terraform: 'default_node_pool.max_pods', azAksShow: 'agentPoolProfiles[].maxPods', arm: 'agentPoolProfiles[].maxPods' },
  { terraform: 'default_node_pool.vnet_subnet_id', azAksShow: 'agentPoolProfiles[].vnetSubnetId', arm: 'agentPoolProfiles[].vnetSubnetID' },
  { terraform: 'default_node_pool.pod_subnet_id', azAksShow: 'agentPoolProfiles[].podSubnetId', arm: 'agentPoolProfiles[].podSubnetID' },
  { terraform: 'default_node_pool.proximity_placement_group_id', azAksShow: 'agentPoolProfiles[].proximityPlacementGroupId', arm: 'agentPoolProfiles[].proximityPlacementGroupID' },
  { terraform: 'default_node_pool.node_count', azAksShow: 'agentPoolProfiles[].count', arm: 'agentPoolProfiles[].count' },
  { terraform: 'default_node_pool.auto_scaling_enabled', azAksShow: 'agentPoolProfiles[].enableAutoScaling', arm: 'agentPoolProfiles[].enableAutoScaling' },
  { terraform: 'default_node_pool.min_count', azAksShow: 'agentPoolProfiles[].minCount', arm: 'agentPoolProfiles[].minCount' },
  { terraform: 'default_node_pool.max_count', azAksShow: 'agentPoolProfiles[].maxCount', arm: 'agentPoolProfiles[].maxCount' },
  { terraform: 'default_node_pool.upgrade_settings.max_surge', azAksShow: 'agentPoolProfiles[].upgradeSettings.maxSurge', arm: 'agentPoolProfiles[].upgradeSettings.maxSurge' },
  { terraform: 'oidc_issuer_url', azAksShow: 'oidcIssuerProfile.issuerUrl', arm: 'oidcIssuerProfile.issuerURL' },
  { terraform: 'workload_identity_enabled', azAksShow: 'securityProfile.workloadIdentity.enabled', arm: 'securityProfile.workloadIdentity.enabled' },
];

export function settingByTerraformPath(path: string): ClusterSettingSpelling | undefined {
  return CLUSTER_SETTING_SPELLINGS.find((s) => s.terraform === path);
}
