// SecretProviderClass (Azure provider) reference, aks-rules.md §2.7: parameters, object types, formats, error strings.
// Sources: Azure/secrets-store-csi-driver-provider-azure @ d5f7cf5b598c (usage/_index.md, pkg/provider/**),
// kubernetes-sigs/secrets-store-csi-driver apis/v1/secretproviderclass_types.go, nodeserver.go.

export const SPC_API_GROUP = 'secrets-store.csi.x-k8s.io';
export const SPC_API_VERSION = 'secrets-store.csi.x-k8s.io/v1';
export const SPC_KIND = 'SecretProviderClass';
/** `spec.provider` value for Azure. */
export const SPC_PROVIDER = 'azure';
/** The CSI driver name has no "x-" (unlike the API group). */
export const CSI_DRIVER_NAME = 'secrets-store.csi.k8s.io';
export const UNVERIFIED_V1ALPHA1 = 'Whether secrets-store.csi.x-k8s.io/v1alpha1 is still served by the CRD shipped with the AKS add-on.';

/** Parameter values are all strings (CRD `additionalProperties: {type: string}`); "bool" means a Go ParseBool string. */
export type SpcParamType = 'string' | 'bool-string' | 'yaml-string';

export interface SpcParameter {
  readonly name: string;
  readonly type: SpcParamType;
  readonly required: boolean;
  readonly meaning: string;
  readonly allowed?: readonly string[];
  readonly default?: string;
  readonly deprecated?: string;
}

export const SPC_PARAMETERS: readonly SpcParameter[] = [
  { name: 'usePodIdentity', type: 'bool-string', required: false, meaning: '"true" = aad-pod-identity mode', default: 'false', deprecated: 'AAD Pod Identity is deprecated; use workload identity (clientID).' },
  { name: 'useVMManagedIdentity', type: 'bool-string', required: false, meaning: '"true" = node (VMSS) managed identity mode', default: 'false' },
  { name: 'userAssignedIdentityID', type: 'string', required: false, meaning: "client ID of the user-assigned identity on the VMSS (e.g. the add-on's secret_identity[0].client_id); empty = system-assigned VM identity", default: '' },
  { name: 'clientID', type: 'string', required: false, meaning: 'client ID of the UAI / Entra app for workload identity (provider version > 1.1.0)', default: '' },
  { name: 'useAzureTokenProxy', type: 'bool-string', required: false, meaning: 'identity bindings (AKS only)', default: 'false' },
  { name: 'keyvaultName', type: 'string', required: true, meaning: 'vault name (not a URL), must match [-a-zA-Z0-9]{3,24}' },
  { name: 'tenantID', type: 'string', required: true, meaning: 'tenant of the vault (preferred spelling; tenantId is also read)' },
  { name: 'tenantId', type: 'string', required: false, meaning: 'deprecated spelling of tenantID, still read (AKS docs still write it)', deprecated: "tenantId is deprecated and will be removed in a future release. Use 'tenantID' instead" },
  { name: 'cloudName', type: 'string', required: false, meaning: 'Azure cloud', allowed: ['AzurePublicCloud', 'AzureUSGovernmentCloud', 'AzureChinaCloud', 'AzureGermanCloud', 'AzureStackCloud'], default: '' },
  { name: 'cloudEnvFileName', type: 'string', required: false, meaning: 'Azure Stack environment file', default: '' },
  { name: 'objects', type: 'yaml-string', required: true, meaning: 'a string containing YAML `array:` of strings, each a YAML object (use `objects: |`)' },
];

export interface SpcObjectField {
  readonly name: string;
  readonly required: boolean;
  readonly meaning: string;
  readonly allowed?: readonly string[];
  readonly default?: string;
}

export const SPC_OBJECT_FIELDS: readonly SpcObjectField[] = [
  { name: 'objectName', required: true, meaning: 'Key Vault object name' },
  { name: 'objectType', required: true, meaning: 'kind of Key Vault object (exact, lower case)', allowed: ['secret', 'key', 'cert'] },
  { name: 'objectAlias', required: false, meaning: 'file name on disk; then used in secretObjects[].data[].objectName', default: 'objectName' },
  { name: 'objectVersion', required: false, meaning: 'version; empty = latest', default: '' },
  { name: 'objectVersionHistory', required: false, meaning: 'sync N versions (> v1.3.0) as files {alias}/{index}; needs list permission', default: '0' },
  { name: 'objectFormat', required: false, meaning: 'pfx only with objectType secret and PKCS12 or ECC certificates', allowed: ['pem', 'pfx'], default: 'pem' },
  { name: 'objectEncoding', required: false, meaning: 'only with objectType secret', allowed: ['utf-8', 'hex', 'base64'], default: 'utf-8' },
  { name: 'filePermission', required: false, meaning: 'file mode (> v1.1.0)', default: '0644' },
];

export type SpcObjectType = 'secret' | 'key' | 'cert';

export interface ObjectTypeInfo {
  readonly type: SpcObjectType;
  /** What the file contains for a Key Vault *certificate* fetched with this type. */
  readonly returnsForCertificate: string;
  readonly includesPrivateKey: boolean;
  readonly includesChain: boolean;
  /** Key Vault RBAC role the reading identity needs (§2.7 AKS add-on specifics). */
  readonly rbacRole: string;
}

/** The cert / key / secret views of one Key Vault certificate (AKS-KV-006). */
export const OBJECT_TYPES: readonly ObjectTypeInfo[] = [
  {
    type: 'cert', includesPrivateKey: false, includesChain: false, rbacRole: 'Key Vault Certificate User',
    returnsForCertificate: 'The certificate only, PEM. "For chain of certificates, using object type `cert` only returns the Server certificate and not the entire chain." No private key.',
  },
  { type: 'key', includesPrivateKey: false, includesChain: false, rbacRole: 'Key Vault Certificate User', returnsForCertificate: 'The public key, PEM.' },
  {
    type: 'secret', includesPrivateKey: true, includesChain: true, rbacRole: 'Key Vault Secrets User',
    returnsForCertificate: '"the private key and certificate in PEM format"; "using object type `secret` returns entire certificate chain along with the private key". With objectFormat: pfx the PFX content is returned as stored (base64 text; add objectEncoding: base64 for binary).',
  },
];

export function objectTypeInfo(type: string): ObjectTypeInfo | undefined {
  return OBJECT_TYPES.find((t) => t.type === type); // case-sensitive, as the provider
}

/** objectFormat/objectEncoding are compared with strings.EqualFold by the provider; non-canonical case is info only (§5.4). */
export const OBJECT_FORMATS = ['pem', 'pfx'] as const;
export const OBJECT_ENCODINGS = ['utf-8', 'hex', 'base64'] as const;

/** Strings Go's strconv.ParseBool accepts (boolean-ish parameters). */
export const GO_PARSEBOOL_VALUES: readonly string[] = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];

export function parseGoBool(value: string): boolean | undefined {
  if (!GO_PARSEBOOL_VALUES.includes(value)) return undefined;
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

/** "only one identity mode can be enabled at a time: usePodIdentity, useVMManagedIdentity, or useAzureTokenProxy". */
export const EXCLUSIVE_IDENTITY_MODE_PARAMS = ['usePodIdentity', 'useVMManagedIdentity', 'useAzureTokenProxy'] as const;

export const KEYVAULT_NAME_RE = /^[-a-zA-Z0-9]{3,24}$/;

/** Vault name from a vault URL such as https://kv-prod.vault.azure.net/ (AKS-KV-001 quick fix). */
export function vaultNameFromUrl(text: string): string | undefined {
  const m = /^https?:\/\/([-a-zA-Z0-9]{3,24})\.vault\.[a-z0-9.]+\/?$/i.exec(text.trim());
  return m ? m[1] : undefined;
}

/** Provider error strings, verbatim. */
export const SPC_ERRORS = {
  keyvaultNameMissing: 'keyvaultName is not provided',
  tenantMissing: 'tenantId is not provided',
  objectsMissing: 'objects is not set',
  invalidVaultName: 'Invalid vault name: %q, must be between 3 and 24 chars',
  invalidObjectType: 'Invalid vaultObjectTypes. Should be secret, key, or cert',
  invalidEncoding: 'invalid objectEncoding. Should be utf-8, base64, or hex',
  objectsUnmarshal: 'failed to yaml unmarshal objects',
  objectUnmarshalAt: 'unmarshal failed for keyVaultObjects at index N',
  multipleIdentityModes: 'only one identity mode can be enabled at a time: usePodIdentity, useVMManagedIdentity, or useAzureTokenProxy',
  parseBool: 'failed to parse usePodIdentity flag',
  readonlyRequired: 'Readonly is not true in request',
} as const;

/** Facts about synced Kubernetes Secrets (sync-with-k8s-secrets.md), for AKS-KV-004 hovers. */
export const SECRET_SYNC_FACTS = [
  'The secrets will only sync once you start a pod mounting the secrets.',
  'Synced to the same namespace as the application pod and SecretProviderClass.',
  'When all the pods consuming the secret are deleted, the Kubernetes secret is also deleted.',
  'secretObjects[].data[].objectName must equal the mounted file name (the objectAlias if set).',
  'TLS: type kubernetes.io/tls with data keys tls.key and tls.crt from an object fetched with objectType: secret.',
] as const;

export const SPC_POD_RULES = [
  'The SecretProviderClass has to be in the same namespace as the pod referencing it.',
  'The CSI volume must set readOnly: true (node server: "Readonly is not true in request").',
  'Subpath mounts do not receive rotated content.',
] as const;
