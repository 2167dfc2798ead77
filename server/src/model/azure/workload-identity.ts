// Microsoft Entra Workload ID keys and rules (aks-rules.md §2.8, AKS-WI-00x).
// Sources: articles/aks/workload-identity-overview.md, workload-identity-deploy-cluster.md; Azure/azure-workload-identity#340.

export type WiPlacement = 'ServiceAccount annotation' | 'Pod annotation' | 'ServiceAccount or Pod annotation' | 'Pod template label';

export interface WorkloadIdentityKey {
  readonly key: string;
  readonly placement: WiPlacement;
  /** What the value is; every value is a string in YAML (labels/annotations), so booleans must be quoted. */
  readonly value: string;
  readonly required?: boolean;
  readonly note?: string;
}

export const WI_PREFIX = 'azure.workload.identity/';

export const WORKLOAD_IDENTITY_KEYS: readonly WorkloadIdentityKey[] = [
  { key: 'azure.workload.identity/client-id', placement: 'ServiceAccount annotation', value: 'client ID (GUID) of the UAI or Entra app — not the object/principal ID' },
  { key: 'azure.workload.identity/tenant-id', placement: 'ServiceAccount annotation', value: 'tenant GUID; optional, default from azure-wi-webhook-config' },
  { key: 'azure.workload.identity/service-account-token-expiration', placement: 'ServiceAccount or Pod annotation', value: 'seconds, 3600–86400, default 3600', note: 'the pod annotation wins' },
  {
    key: 'azure.workload.identity/use', placement: 'Pod template label', value: '"true" (quoted string)', required: true,
    note: 'Required in the pod template spec (spec.template.metadata.labels); only labelled pods are mutated by the webhook; without it "the pods fail after they\'re restarted".',
  },
  { key: 'azure.workload.identity/skip-containers', placement: 'Pod annotation', value: 'container1;container2' },
  { key: 'azure.workload.identity/inject-proxy-sidecar', placement: 'Pod annotation', value: '"false" (default)' },
  { key: 'azure.workload.identity/proxy-sidecar-port', placement: 'Pod annotation', value: '"8000" (default)' },
];

export function workloadIdentityKey(key: string): WorkloadIdentityKey | undefined {
  return WORKLOAD_IDENTITY_KEYS.find((k) => k.key === key);
}

export const WI_USE_LABEL = 'azure.workload.identity/use';
export const WI_CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';

export const TOKEN_EXPIRATION_SECONDS = { min: 3600, max: 86400, default: 3600 } as const;

/** "default and recommended audience" for federated credentials. */
export const WI_AUDIENCE = 'api://AzureADTokenExchange';
/** Audience used only with identity bindings. */
export const IDENTITY_BINDING_AUDIENCE = 'api://AKSIdentityBinding';
export const MAX_FEDERATED_CREDENTIALS_PER_IDENTITY = 20;

/** Current issuer form `https://{region}.oic.prod-aks.azure.com/{tenant_id}/{uuid}/`. */
export const ISSUER_URL_RE = /^https:\/\/[a-z0-9]+\.oic\.prod-aks\.azure\.com\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/$/;
/** Older form seen in Azure/azure-workload-identity#340, #1200. */
export const LEGACY_ISSUER_URL_RE = /^https:\/\/oidc\.prod-aks\.azure\.com\/[0-9a-f-]{36}\/$/;
export const UNVERIFIED_TRAILING_SLASH = 'That a missing trailing "/" on the issuer matters (real issuer values contain it).';

/** Terraform attribute to prefer for `issuer`. */
export const ISSUER_TERRAFORM_ATTRIBUTE = 'oidc_issuer_url';

export function isAksIssuerUrl(url: string): boolean {
  return ISSUER_URL_RE.test(url) || LEGACY_ISSUER_URL_RE.test(url);
}

/** Subject `system:serviceaccount:<namespace>:<name>`. */
export function serviceAccountSubject(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

export function parseServiceAccountSubject(subject: string): { namespace: string; name: string } | undefined {
  const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject);
  return m ? { namespace: m[1], name: m[2] } : undefined;
}

/** azurerm error when workload_identity_enabled is set without the OIDC issuer (kubernetes_cluster_resource.go v4.81.0). */
export const OIDC_REQUIRED_ERROR = '`oidc_issuer_enabled` must be set to `true` to enable Azure AD Workload Identity';

export const WI_ERROR_CODES = {
  AADSTS70021: 'No matching federated identity record found for presented assertion.',
  AADSTS700211: 'issuer mismatch',
  AADSTS700212: 'audience mismatch (when reusing an identity-binding token)',
} as const;

export const WI_LIMITS = [
  'max 20 federated credentials per managed identity',
  'If you update the service account annotations, you must restart the pod',
  'token scopes must use <resource>/.default',
] as const;

/** AAD Pod Identity (deprecated) markers, for AKS-WI-004. apiVersion aadpodidentity.k8s.io/v1 is UNVERIFIED (§6). */
export const POD_IDENTITY = {
  label: 'aadpodidbinding',
  kinds: ['AzureIdentity', 'AzureIdentityBinding', 'AzurePodIdentityException'],
  apiVersion: 'aadpodidentity.k8s.io/v1',
  unverified: 'The aadpodidentity.k8s.io/v1 API group (not read from a Microsoft page in the snapshot).',
} as const;
