// Built-in Azure roles: the AKS-relevant table of aks-rules.md §2.1 (with what each grants and its typical AKS use)
// over the full published catalogue, plus lookups by name, GUID and role_definition_id.
// "grants" is the first sentence of the published description (built-in-roles.md @ 00a583295ba7).
import { ROLE_CATALOG_CORE, type RoleCatalogFamily } from './role-catalog-core';
import { ROLE_CATALOG_APPS } from './role-catalog-apps';
import { ROLE_CATALOG_PLATFORM } from './role-catalog-platform';

export interface AksRoleInfo {
  readonly name: string;
  readonly guid: string;
  /** What the role grants, one line. */
  readonly grants: string;
  /** Typical AKS use (§2.1). */
  readonly aksUse: string;
  /** Data actions worth showing in hovers (§2.1, built-in-roles/security.md). */
  readonly dataActions?: readonly string[];
}

export interface BuiltInRole {
  readonly name: string;
  readonly guid: string;
  /** Family heading in built-in-roles.md (e.g. "Containers"). */
  readonly family: string;
  /** Present for the roles of the §2.1 AKS table. */
  readonly aks?: AksRoleInfo;
}

const KV_RBAC_ONLY = "Only works for key vaults that use the 'Azure role-based access control' permission model.";

/** The §2.1 table, in its order. */
export const AKS_ROLES: readonly AksRoleInfo[] = [
  { name: 'AcrPull', guid: '7f951dda-4ed3-4680-a7ca-43fe172d538d', grants: 'Pull artifacts from a container registry.', aksUse: 'kubelet identity → ACR (RBAC registry mode)' },
  { name: 'AcrPush', guid: '8311e382-0749-4cb8-b61a-304f252e45ec', grants: 'Push artifacts to or pull artifacts from a container registry.', aksUse: 'CI push' },
  { name: 'Container Registry Repository Reader', guid: 'b93aa761-3e63-49ed-ac28-beffa264f7ac', grants: 'Allows for read access to Azure Container Registry repositories, but excluding catalog listing.', aksUse: 'kubelet identity → ACR in ABAC repository mode' },
  { name: 'Container Registry Repository Catalog Lister', guid: 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7', grants: 'Allows for listing all repositories in an Azure Container Registry.', aksUse: 'only if listing repos is needed (ABAC mode)' },
  { name: 'Network Contributor', guid: '4d97b98b-1d4f-4787-a291-c67834d212e7', grants: 'Lets you manage networks, but not access to them.', aksUse: 'cluster identity → BYO subnet/VNet/RG' },
  { name: 'Private DNS Zone Contributor', guid: 'b12aa53e-6015-4669-85d0-8515ebb3ae7f', grants: 'Lets you manage private DNS zone resources, but not the virtual networks they are linked to.', aksUse: 'cluster identity → BYO private DNS zone' },
  { name: 'DNS Zone Contributor', guid: 'befefa01-2a29-4197-83a8-272ff33ce314', grants: 'Lets you manage DNS zones and record sets in Azure DNS, but does not let you control who has access to them.', aksUse: 'app-routing identity → public DNS zones (NOT for private zones)' },
  { name: 'Managed Identity Operator', guid: 'f1a07417-d97a-45cb-824c-7a7467783830', grants: 'Read and Assign User Assigned Identity', aksUse: 'cluster identity → BYO kubelet identity' },
  { name: 'Managed Identity Contributor', guid: 'e40ec5ca-96e0-45a2-b4ff-59039f2c2b59', grants: 'Create, Read, Update, and Delete User Assigned Identity', aksUse: '(not needed by AKS; listed for typo detection)' },
  {
    name: 'Key Vault Secrets User', guid: '4633458b-17de-408a-b874-0445c86b69e6', grants: `Read secret contents. ${KV_RBAC_ONLY}`, aksUse: 'CSI `objectType: secret`',
    dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
  },
  {
    name: 'Key Vault Certificate User', guid: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', grants: `Read certificate contents. ${KV_RBAC_ONLY}`, aksUse: 'CSI `objectType: cert` / `key`; app routing TLS',
    dataActions: ['Microsoft.KeyVault/vaults/certificates/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/keys/read'],
  },
  { name: 'Key Vault Reader', guid: '21090545-7ca7-4776-b22c-e363652d74d2', grants: 'Read metadata of key vaults and its certificates, keys, and secrets; cannot read sensitive values.', aksUse: 'metadata only (cannot read values)' },
  { name: 'Key Vault Secrets Officer', guid: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', grants: `Perform any action on the secrets of a key vault, except manage permissions. ${KV_RBAC_ONLY}`, aksUse: 'writing secrets (humans/CI)' },
  { name: 'Key Vault Administrator', guid: '00482a5a-887f-4fb3-b363-3b7fe8e74483', grants: 'Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets.', aksUse: 'full data plane' },
  { name: 'Key Vault Crypto User', guid: '12338af0-0e69-4776-bea7-57ae8d297424', grants: `Perform cryptographic operations using keys. ${KV_RBAC_ONLY}`, aksUse: 'crypto ops (KMS scenarios)' },
  { name: 'Key Vault Contributor', guid: 'f25e0fa2-a7c8-4377-a976-54943a77a395', grants: 'Manage key vaults, but does not allow you to assign roles in Azure RBAC, and does not allow you to access secrets, keys, or certificates.', aksUse: 'management plane only, **no** data access' },
  { name: 'Azure Kubernetes Service RBAC Reader', guid: '7f6c6a51-bcf8-42ba-9220-52d62157d7db', grants: 'Allows read-only access to see most objects in a namespace (no roles, role bindings or Secrets).', aksUse: 'Azure RBAC for Kubernetes' },
  { name: 'Azure Kubernetes Service RBAC Writer', guid: 'a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb', grants: 'Allows read/write access to most objects in a namespace (no roles or role bindings).', aksUse: 'Azure RBAC for Kubernetes' },
  { name: 'Azure Kubernetes Service RBAC Admin', guid: '3498e952-d568-435e-9b2c-8d77e338d7f7', grants: 'Lets you manage all resources under cluster/namespace, except update or delete resource quotas and namespaces.', aksUse: 'Azure RBAC for Kubernetes' },
  { name: 'Azure Kubernetes Service RBAC Cluster Admin', guid: 'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b', grants: 'Lets you manage all resources in the cluster.', aksUse: 'Azure RBAC for Kubernetes' },
  { name: 'Azure Kubernetes Service Cluster User Role', guid: '4abbcc35-e782-43d8-92c5-2d3f1bd2253f', grants: 'List cluster user credential action.', aksUse: '`listClusterUserCredential` (get kubeconfig)' },
  { name: 'Azure Kubernetes Service Cluster Admin Role', guid: '0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8', grants: 'List cluster admin credential action.', aksUse: '`listClusterAdminCredential`' },
  { name: 'Azure Kubernetes Service Cluster Monitoring User', guid: '1afdec4b-e479-420e-99e7-f82237c7c5e6', grants: 'List cluster monitoring user credential action.', aksUse: 'monitoring kubeconfig' },
  { name: 'Azure Kubernetes Service Contributor Role', guid: 'ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8', grants: 'Grants access to read and write Azure Kubernetes Service clusters', aksUse: 'manage AKS resource' },
  { name: 'Contributor', guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c', grants: 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.', aksUse: 'broad (avoid for identities)' },
  { name: 'Reader', guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', grants: 'View all resources, but does not allow you to make any changes.', aksUse: 'AGIC (with Network Contributor) on App GW RG' },
  { name: 'Owner', guid: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', grants: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', aksUse: 'humans only' },
  { name: 'User Access Administrator', guid: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', grants: 'Lets you manage user access to Azure resources.', aksUse: 'needed by whoever creates role assignments' },
  { name: 'Role Based Access Control Administrator', guid: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', grants: 'Manage access to Azure resources by assigning roles using Azure RBAC.', aksUse: 'same, narrower' },
  { name: 'Monitoring Metrics Publisher', guid: '3913510d-42f4-4e42-8a64-420c390055eb', grants: 'Enables publishing metrics against Azure resources', aksUse: 'legacy Container Insights auth (retiring, see 2.9)' },
];

export const ROLE_CATALOG_FAMILIES: readonly RoleCatalogFamily[] = [...ROLE_CATALOG_CORE, ...ROLE_CATALOG_APPS, ...ROLE_CATALOG_PLATFORM];

const aksByGuid = new Map(AKS_ROLES.map((r) => [r.guid, r]));

/** Every published built-in role, AKS details attached where §2.1 has them. */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = ROLE_CATALOG_FAMILIES.flatMap((f) =>
  f.rows.map(([name, guid]): BuiltInRole => {
    const aks = aksByGuid.get(guid);
    return aks ? { name, guid, family: f.family, aks } : { name, guid, family: f.family };
  }),
);

const byName = new Map(BUILT_IN_ROLES.map((r) => [r.name, r]));
const byLowerName = new Map(BUILT_IN_ROLES.map((r) => [r.name.toLowerCase(), r]));
const byGuid = new Map(BUILT_IN_ROLES.map((r) => [r.guid, r]));

/** Exact (case-sensitive) lookup: the spelling azurerm users should write. */
export function findRoleByName(name: string): BuiltInRole | undefined {
  return byName.get(name);
}

/** Case-insensitive lookup; §2.1 treats a case-only difference as info, not as an unknown role. */
export function findRoleByNameIgnoreCase(name: string): BuiltInRole | undefined {
  return byLowerName.get(name.trim().toLowerCase());
}

export type RoleNameMatch =
  | { readonly kind: 'exact'; readonly role: BuiltInRole }
  | { readonly kind: 'case-only'; readonly role: BuiltInRole }
  | { readonly kind: 'unknown' };

/** Classifies a role_definition_name literal the way AKS-RA-001 needs it. */
export function matchRoleName(name: string): RoleNameMatch {
  const exact = findRoleByName(name);
  if (exact) return { kind: 'exact', role: exact };
  const loose = findRoleByNameIgnoreCase(name);
  return loose ? { kind: 'case-only', role: loose } : { kind: 'unknown' };
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
  return GUID_RE.test(text);
}

/** GUID lookup; GUIDs compare case-insensitively (§5.1). */
export function findRoleByGuid(guid: string): BuiltInRole | undefined {
  return byGuid.get(guid.trim().toLowerCase());
}

export interface ParsedRoleDefinitionId {
  /** Lower-case GUID. */
  readonly guid: string;
  /** Scope before `/providers/Microsoft.Authorization/...`: '' for the tenant-level form, undefined for a bare GUID. */
  readonly scope?: string;
}

const ROLE_DEF_SEGMENT = '/providers/microsoft.authorization/roledefinitions/';

/**
 * Parses `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<GUID>`, the tenant-level
 * `/providers/Microsoft.Authorization/roleDefinitions/<GUID>`, or a bare GUID. Resource IDs compare case-insensitively (§5.4).
 */
export function parseRoleDefinitionId(id: string): ParsedRoleDefinitionId | undefined {
  const text = id.trim().replace(/\/+$/, '');
  if (isGuid(text)) return { guid: text.toLowerCase() };
  const at = text.toLowerCase().lastIndexOf(ROLE_DEF_SEGMENT);
  if (at < 0) return undefined;
  const guid = text.slice(at + ROLE_DEF_SEGMENT.length);
  if (!isGuid(guid)) return undefined;
  return { guid: guid.toLowerCase(), scope: text.slice(0, at) };
}

export function findRoleByDefinitionId(id: string): BuiltInRole | undefined {
  const parsed = parseRoleDefinitionId(id);
  return parsed ? findRoleByGuid(parsed.guid) : undefined;
}

/** Builds a role_definition_id; `scope` such as `/subscriptions/<sub>` (the documented "Scoped-ID" form), '' for tenant level. */
export function roleDefinitionId(guid: string, scope = ''): string {
  return `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleDefinitions/${guid.toLowerCase()}`;
}

export const ROLE_SOURCES = {
  table: 'MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles.md @ 00a583295ba7',
  lookup: 'hashicorp/terraform-provider-azurerm internal/services/authorization/role_assignment_resource.go (v4.81.0)',
} as const;

/** The azurerm apply-time error when role_definition_name matches no role (§2.1). */
export function roleNotFoundError(name: string): string {
  return `listing role definitions: could not find role \`${name}\``;
}

/** §2.1/§6: not verified, so rules treat case-only mismatches as info and never as an error. */
export const UNVERIFIED_ROLE_FACTS = [
  "Whether the ARM `roleName eq '<name>'` filter used by azurerm is case-insensitive.",
  'Whether role_definition_id without the subscription prefix is accepted by azurerm at every scope.',
] as const;
