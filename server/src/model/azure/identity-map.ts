// Identity map of aks-rules.md §2.3 (+ Lesson 1 item 6): each AKS identity in Terraform (azurerm v4), `az aks show`
// (CLI camelCase, no `properties` wrapper) and ARM REST (wire names under `properties`), with plain-words meaning for hovers.

export type IdentityKey =
  | 'control-plane'
  | 'service-principal'
  | 'kubelet'
  | 'addon:omsagent'
  | 'addon:azureKeyvaultSecretsProvider'
  | 'addon:ingressApplicationGateway'
  | 'addon:azurepolicy'
  | 'addon:webAppRouting'
  | 'addon:aciConnectorLinux'
  | 'workload';

export interface TypicalRole {
  readonly role: string;
  /** Where the role is assigned, in words. */
  readonly scope: string;
  readonly note?: string;
}

export interface IdentityMapEntry {
  readonly key: IdentityKey;
  readonly title: string;
  /** Terraform input block/attributes (azurerm v4). */
  readonly terraformInput: string;
  /** Exported azurerm attribute paths, relative to `azurerm_kubernetes_cluster.<name>`. */
  readonly terraformIds: {
    readonly block?: string;
    readonly principalId?: string;
    readonly objectId?: string;
    readonly clientId?: string;
    readonly resourceId?: string;
    readonly tenantId?: string;
  };
  /** `az aks show` JSON path (add-on keys compare case-insensitively). */
  readonly azAksShowPath: string;
  /** Add-on profile key as azurerm spells it (`kubernetes_addons.go` v4.81.0). */
  readonly addonKey?: string;
  readonly armPath: string;
  /** Bring-your-own identity supported? */
  readonly byoSupported: boolean;
  readonly defaultResource: string;
  /** Plain words for hovers. */
  readonly represents: string;
  readonly typicalRoles: readonly TypicalRole[];
  readonly notes?: readonly string[];
  /** Facts §2.3/§2.4 flag as UNVERIFIED. */
  readonly unverified?: readonly string[];
  readonly sources: readonly string[];
}

const MI_OVERVIEW = 'MicrosoftDocs/azure-aks-docs articles/aks/managed-identity-overview.md';
const AZURERM_DOC = 'hashicorp/terraform-provider-azurerm website/docs/r/kubernetes_cluster.html.markdown (v4.81.0)';
const ADDONS_GO = 'hashicorp/terraform-provider-azurerm internal/services/containers/kubernetes_addons.go (v4.81.0)';

/** azurerm exports add-on (and kubelet) identities as a block with client_id, object_id, user_assigned_identity_id. */
function uaiAttributes(block: string): IdentityMapEntry['terraformIds'] {
  return { block, objectId: `${block}.object_id`, clientId: `${block}.client_id`, resourceId: `${block}.user_assigned_identity_id` };
}

export const IDENTITY_MAP: readonly IdentityMapEntry[] = [
  {
    key: 'control-plane', title: 'Cluster / control-plane identity',
    terraformInput: 'identity { type = "SystemAssigned" | "UserAssigned", identity_ids = [<UAI id>] } (exactly one UAI supported)',
    terraformIds: { block: 'identity[0]', principalId: 'identity[0].principal_id', tenantId: 'identity[0].tenant_id' },
    azAksShowPath: 'identity.{type,principalId,tenantId}, identity.userAssignedIdentities["<id>"].{clientId,principalId}',
    armPath: 'identity.* (top level, outside properties)',
    byoSupported: true,
    defaultResource: 'SystemAssigned: none visible; docs name it "AKS cluster name"',
    represents: 'The identity AKS itself uses to manage Azure resources for the cluster (load balancers, subnets, route tables, DNS zones).',
    typicalRoles: [
      { role: 'Contributor', scope: 'node resource group', note: 'granted by AKS by default' },
      { role: 'Network Contributor', scope: 'BYO subnet / VNet / its resource group' },
      { role: 'Private DNS Zone Contributor', scope: 'BYO private DNS zone' },
      { role: 'Managed Identity Operator', scope: 'BYO kubelet identity' },
    ],
    notes: [
      'identity[0].principal_id and tenant_id are empty for UserAssigned clusters (az aks show reports identity.principalId: null); use azurerm_user_assigned_identity.<id>.principal_id.',
      'Container Insights with MSI auth uses this identity.',
    ],
    sources: [AZURERM_DOC, MI_OVERVIEW, 'articles/aks/pre-created-kubelet-managed-identity.md'],
  },
  {
    key: 'service-principal', title: 'Legacy service principal',
    terraformInput: 'service_principal { client_id, client_secret }',
    terraformIds: {},
    azAksShowPath: 'servicePrincipalProfile.clientId (= "msi" when a managed identity is used)',
    armPath: 'properties.servicePrincipalProfile.clientId',
    byoSupported: true, defaultResource: '—',
    represents: 'An Entra application credential used instead of a managed identity (legacy; a secret to rotate).',
    typicalRoles: [],
    sources: [AZURERM_DOC],
  },
  {
    key: 'kubelet', title: 'Kubelet (agent pool) identity',
    terraformInput: 'kubelet_identity { client_id, object_id, user_assigned_identity_id } — all three together; requires identity.type = "UserAssigned" + identity_ids',
    terraformIds: uaiAttributes('kubelet_identity[0]'),
    azAksShowPath: 'identityProfile.kubeletidentity.{clientId,objectId,resourceId}',
    armPath: 'properties.identityProfile.kubeletidentity.{clientId,objectId,resourceId}',
    byoSupported: true,
    defaultResource: 'UAI `<cluster>-agentpool` in node RG',
    represents: 'The identity the nodes (kubelet) use, e.g. to pull images from ACR.',
    typicalRoles: [
      { role: 'AcrPull', scope: 'container registry (RBAC registry mode)' },
      { role: 'Container Registry Repository Reader', scope: 'container registry (ABAC repository mode)' },
    ],
    notes: ['object_id = the UAI\'s principal_id.', 'Computed: set by AKS when not supplied.'],
    sources: [AZURERM_DOC, MI_OVERVIEW, 'articles/aks/cluster-container-registry-integration.md'],
  },
  {
    key: 'addon:omsagent', title: 'Container Insights (omsagent) add-on',
    terraformInput: 'oms_agent { log_analytics_workspace_id, msi_auth_for_monitoring_enabled }',
    terraformIds: uaiAttributes('oms_agent[0].oms_agent_identity[0]'),
    azAksShowPath: 'addonProfiles.omsagent.identity (key may be omsAgent); addonProfiles.omsagent.config.useAADAuth',
    addonKey: 'omsagent',
    armPath: 'properties.addonProfiles.omsagent.*',
    byoSupported: false,
    defaultResource: 'identity resource name UNVERIFIED',
    represents: 'The monitoring agent that sends container logs and metrics to Log Analytics.',
    typicalRoles: [{ role: 'Monitoring Metrics Publisher', scope: 'cluster', note: 'legacy auth only; retires 2026-09-30. MSI auth uses the cluster identity, no role needed' }],
    notes: [
      'With useAADAuth "true" real outputs show identity: null and Container Insights uses the cluster identity.',
      'azurerm sends useAADAuth = msi_auth_for_monitoring_enabled, i.e. "false" when omitted.',
    ],
    unverified: ['Name of the omsagent identity resource.', 'Whether BYO is possible (no statement; azurerm exports the block read-only).'],
    sources: [AZURERM_DOC, ADDONS_GO, MI_OVERVIEW],
  },
  {
    key: 'addon:azureKeyvaultSecretsProvider', title: 'Key Vault Secrets Store CSI add-on',
    terraformInput: 'key_vault_secrets_provider { secret_rotation_enabled, secret_rotation_interval }',
    terraformIds: uaiAttributes('key_vault_secrets_provider[0].secret_identity[0]'),
    azAksShowPath: 'addonProfiles.azureKeyvaultSecretsProvider.identity',
    addonKey: 'azureKeyvaultSecretsProvider',
    armPath: 'properties.addonProfiles.azureKeyvaultSecretsProvider.*',
    byoSupported: false,
    defaultResource: 'UAI `azurekeyvaultsecretsprovider-<cluster>` in node RG, attached to the VMSS',
    represents: 'The identity the Secrets Store CSI driver uses to read Key Vault when a SecretProviderClass uses the node (VMSS) identity mode.',
    typicalRoles: [
      { role: 'Key Vault Secrets User', scope: 'key vault (RBAC model)', note: 'objectType: secret' },
      { role: 'Key Vault Certificate User', scope: 'key vault (RBAC model)', note: 'objectType: cert / key' },
    ],
    notes: [
      'Use client_id as SecretProviderClass userAssignedIdentityID and object_id as role-assignment principal_id.',
      '"It\'s not supported to prevent creation of the identity" (csi-secrets-store-driver.md).',
    ],
    sources: [AZURERM_DOC, 'articles/aks/csi-secrets-store-driver.md'],
  },
  {
    key: 'addon:ingressApplicationGateway', title: 'Application Gateway Ingress Controller (AGIC) add-on',
    terraformInput: 'ingress_application_gateway { gateway_id | gateway_name | subnet_id | subnet_cidr }',
    terraformIds: uaiAttributes('ingress_application_gateway[0].ingress_application_gateway_identity[0]'),
    azAksShowPath: 'addonProfiles.ingressApplicationGateway.identity',
    addonKey: 'ingressApplicationGateway',
    armPath: 'properties.addonProfiles.ingressApplicationGateway.*',
    byoSupported: false,
    defaultResource: '`ingressapplicationgateway-<cluster>`',
    represents: 'The identity AGIC uses to configure the Application Gateway from Kubernetes Ingress objects.',
    typicalRoles: [
      { role: 'Network Contributor', scope: 'Application Gateway subnet', note: 'depends on the deployment topology' },
      { role: 'Reader', scope: 'App Gateway resource group', note: 'with Network Contributor, for an existing App GW in another RG' },
    ],
    notes: ['Also exports effective_gateway_id.'],
    sources: [AZURERM_DOC, MI_OVERVIEW],
  },
  {
    key: 'addon:azurepolicy', title: 'Azure Policy add-on',
    terraformInput: 'azure_policy_enabled = true (no identity argument)',
    terraformIds: {},
    azAksShowPath: 'addonProfiles.azurepolicy.identity',
    addonKey: 'azurepolicy',
    armPath: 'properties.addonProfiles.azurepolicy.*',
    byoSupported: false,
    defaultResource: 'UAI `azurepolicy-<cluster>` (observed in real outputs)',
    represents: 'The Gatekeeper-based add-on that enforces Azure Policy inside the cluster; no customer role assignment needed.',
    typicalRoles: [],
    notes: ['Docs say "No identity required" while real outputs show an identity; both are compatible (no role needed, BYO unsupported).', 'azurerm exports no attribute for it.'],
    sources: [MI_OVERVIEW],
  },
  {
    key: 'addon:webAppRouting', title: 'Application routing (web_app_routing)',
    terraformInput: 'web_app_routing { dns_zone_ids, default_nginx_controller }',
    terraformIds: uaiAttributes('web_app_routing[0].web_app_routing_identity[0]'),
    azAksShowPath: 'ingressProfile.webAppRouting.identity',
    armPath: 'properties.ingressProfile.webAppRouting.identity',
    byoSupported: false,
    defaultResource: '`webapprouting-<cluster>` (name UNVERIFIED)',
    represents: 'The managed NGINX ingress add-on identity: reads TLS certificates from Key Vault and manages DNS records.',
    typicalRoles: [
      { role: 'Key Vault Certificate User', scope: 'key vault' },
      { role: 'DNS Zone Contributor', scope: 'DNS zones' },
    ],
    unverified: ['Exact name of the web app routing identity resource.'],
    sources: [AZURERM_DOC, 'articles/aks/app-routing-dns-ssl.md', 'model_managedclusteringressprofilewebapprouting.go'],
  },
  {
    key: 'addon:aciConnectorLinux', title: 'ACI connector (virtual nodes)',
    terraformInput: 'aci_connector_linux { subnet_name }',
    terraformIds: uaiAttributes('aci_connector_linux[0].connector_identity[0]'),
    azAksShowPath: 'addonProfiles.aciConnectorLinux.identity',
    addonKey: 'aciConnectorLinux',
    armPath: 'properties.addonProfiles.aciConnectorLinux.*',
    byoSupported: false,
    defaultResource: '—',
    represents: 'The virtual-node connector that runs pods on Azure Container Instances.',
    typicalRoles: [{ role: 'Contributor', scope: 'node resource group', note: 'by default' }],
    unverified: ['BYO support (no statement in the sources; azurerm exports the block read-only).'],
    sources: [AZURERM_DOC],
  },
  {
    key: 'workload', title: 'Workload identity (pods)',
    terraformInput: 'oidc_issuer_enabled, workload_identity_enabled + azurerm_user_assigned_identity + azurerm_federated_identity_credential',
    terraformIds: {},
    azAksShowPath: 'oidcIssuerProfile.{enabled,issuerUrl}, securityProfile.workloadIdentity.enabled',
    armPath: 'properties.oidcIssuerProfile.{enabled,issuerURL}, properties.securityProfile.workloadIdentity.enabled',
    byoSupported: true,
    defaultResource: 'user-created UAI',
    represents: 'A user-assigned identity that pods use through a federated credential bound to a Kubernetes ServiceAccount.',
    typicalRoles: [],
    notes: ['oidc_issuer_url is exported by the cluster.'],
    sources: [MI_OVERVIEW, 'articles/aks/workload-identity-overview.md'],
  },
];

/** azurerm's add-on profile keys (`kubernetes_addons.go` v4.81.0); compare with `addonKeyEquals`. */
export const AZURERM_ADDON_KEYS = [
  'aciConnectorLinux', 'azureKeyvaultSecretsProvider', 'azurepolicy', 'ACCSGXDevicePlugin',
  'httpApplicationRouting', 'ingressApplicationGateway', 'omsagent', 'openServiceMesh',
] as const;

/** Add-on keys are matched case-insensitively, as azurerm does (`strings.EqualFold`); real outputs have omsagent and omsAgent. */
export function addonKeyEquals(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Canonical azurerm spelling of an add-on key, if known. */
export function canonicalAddonKey(key: string): string | undefined {
  return AZURERM_ADDON_KEYS.find((k) => addonKeyEquals(k, key));
}

export function identityMapEntry(key: IdentityKey): IdentityMapEntry | undefined {
  return IDENTITY_MAP.find((e) => e.key === key);
}

/** The entry whose exported identity block is `blockName` (e.g. "secret_identity", "kubelet_identity"). */
export function identityByExportedBlock(blockName: string): IdentityMapEntry | undefined {
  const tail = `${blockName}[0]`;
  return IDENTITY_MAP.find((e) => {
    const block = e.terraformIds.block;
    return block !== undefined && (block === tail || block.endsWith(`.${tail}`));
  });
}

/**
 * Exported-only (read-only) nested blocks: writing them inside the input block is AKS-ID-004 trigger 1
 * ("add-on identities are created by AKS and cannot be supplied"). Lesson 1 item 5.
 */
export const EXPORTED_ONLY_IDENTITY_BLOCKS: readonly { readonly parent: string; readonly block: string }[] = [
  { parent: 'oms_agent', block: 'oms_agent_identity' },
  { parent: 'key_vault_secrets_provider', block: 'secret_identity' },
  { parent: 'ingress_application_gateway', block: 'ingress_application_gateway_identity' },
  { parent: 'web_app_routing', block: 'web_app_routing_identity' },
  { parent: 'aci_connector_linux', block: 'connector_identity' },
];
