// The custom protocol between the AKS Lint server and its clients. Imports nothing, so the VS Code client (and any
// other client) can import it without pulling in server code. Wire shapes (positions are LSP's: 0-based, UTF-16),
// and the options the server process is started with.

/** Base of every rule's documentation page; a rule's page is `${RULE_DOCS_BASE_URL}<code>-<name>.md`. */
export const RULE_DOCS_BASE_URL = 'https://github.com/aks-lint/aks-lint/blob/main/docs/rules/';

export function ruleDocUrl(code: string, name?: string): string {
  return `${RULE_DOCS_BASE_URL}${name ? `${code}-${name}` : code}.md`;
}

/**
 * Node options the server process is started with: the VS Code client passes them, and the benchmarks spawn the
 * server with them, so what is measured is what users run. V8 lets the young generation grow to 2 x 16 MB, which
 * stays resident after the first whole-workspace pass; 2 MB semi-spaces cost no measurable time and about 25 MB RSS less.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2'];

/** Source of every diagnostic the server publishes; clients filter on it (status bar count, duplicates). */
export const DIAGNOSTIC_SOURCE = 'aks-lint';

export interface WirePosition {
  readonly line: number;
  readonly character: number;
}

export interface WireRange {
  readonly start: WirePosition;
  readonly end: WirePosition;
}

export interface SourceLocation {
  readonly uri: string;
  readonly range: WireRange;
}

/** What `Diagnostic.data` carries, so code actions find a finding's fixes without matching message text. */
export interface DiagnosticData {
  readonly code: string;
  /** Stable key of the finding within its file for the current analysis (code + range + message id). */
  readonly key: string;
  readonly messageId?: string;
}

/** Version of the identities response; bump on any incompatible change of the shapes below. */
export const IDENTITIES_VERSION = 1 as const;

export type IdentityKind =
  | 'controlPlane'
  | 'kubelet'
  | 'addon'
  | 'workload'
  | 'servicePrincipal'
  | 'other';

export interface RoleAssignmentInfo {
  readonly role: string;
  /** the scope expression as written */
  readonly scope: string;
  /** what the scope resolves to (`azurerm_subnet.aks`, a literal ID) or 'unknown' */
  readonly scopeResolvesTo?: string;
  /** `azurerm_role_assignment.x` */
  readonly address?: string;
  readonly location?: SourceLocation;
}

export interface MissingRoleInfo {
  readonly role: string;
  readonly scope: string;
  /** Why the role is required, in plain words. */
  readonly reason: string;
  /** Title of the quick fix that adds it. */
  readonly fix?: string;
  /** The HCL the fix inserts. */
  readonly fixSnippet?: string;
  /** Rule code that reports it. */
  readonly code?: string;
  readonly location?: SourceLocation;
}

export interface IdentityInfo {
  readonly id: string;
  readonly kind: IdentityKind;
  /** The identity-map role: 'control-plane', 'kubelet', 'service-principal', 'addon:<azurerm add-on key>'. */
  readonly role: string;
  /** What it is, e.g. "Kubelet (agent pool) identity". */
  readonly name: string;
  readonly type: 'system-assigned' | 'user-assigned' | 'service-principal' | 'unknown';
  /** 'byo' = declared by the user (a user-assigned identity they own); 'system' = created and managed by AKS. */
  readonly origin: 'byo' | 'system' | 'unknown';
  /** The BYO identity resource (`azurerm_user_assigned_identity.kubelet`, with its name when static). */
  readonly resource?: string;
  /** How to reference its principal (object) ID in Terraform. */
  readonly principalExpression?: string;
  /** Plain-words explanation of what this identity represents. */
  readonly explanation: string;
  /** How `az aks show` calls it, e.g. `identityProfile.kubeletidentity`. */
  readonly azAksShowPath?: string;
  readonly location?: SourceLocation;
  readonly roleAssignments: readonly RoleAssignmentInfo[];
  readonly missingRoles: readonly MissingRoleInfo[];
}

export interface ClusterInfo {
  readonly id: string;
  readonly name: string;
  readonly location?: SourceLocation;
  readonly identities: readonly IdentityInfo[];
}

export interface IdentitiesParams {
  /** Restrict to clusters declared in this document; omitted = the whole workspace. */
  readonly uri?: string;
}

export interface IdentitiesResult {
  readonly v: typeof IDENTITIES_VERSION;
  /** False when the server has no identity model (clusters is then empty); kept so older servers can say so. */
  readonly available: boolean;
  readonly clusters: readonly ClusterInfo[];
}

export interface IdentitiesChangedParams {
  readonly v: typeof IDENTITIES_VERSION;
}

/** Request: the identity model of the workspace. */
export const IdentitiesRequestMethod = 'aksLint/identities' as const;
/** Notification (server -> client): the identity model changed; clients re-request. */
export const IdentitiesChangedNotificationMethod = 'aksLint/identitiesChanged' as const;

/** Request: compare the declared identities of one cluster with `az aks show -o json` output (the client reads it). */
export const CompareIdentitiesRequestMethod = 'aksLint/compareIdentities' as const;

export interface CompareIdentitiesParams {
  readonly v: typeof IDENTITIES_VERSION;
  readonly clusterId: string;
  /** the JSON text printed by `az aks show -o json` (or the ARM REST shape) */
  readonly azAksShowJson: string;
}

export interface ComparisonRow {
  readonly role: string;
  readonly title: string;
  /** what the workspace declares; absent when only the running cluster has it */
  readonly declared?: { readonly type: string; readonly resource?: string };
  /** what `az aks show` reports; absent when only the workspace declares it */
  readonly actual?: { readonly type: string; readonly resource?: string; readonly clientId?: string; readonly principalId?: string };
  readonly status: 'match' | 'differs' | 'declaredOnly' | 'actualOnly';
  /** why it differs, in words */
  readonly notes: readonly string[];
}

export interface CompareIdentitiesResult {
  readonly v: typeof IDENTITIES_VERSION;
  readonly rows: readonly ComparisonRow[];
  /** set when the JSON could not be read or the cluster is unknown */
  readonly error?: string;
}

/** Code action kind for "fix everything we can in this file" (on save, when the user enables it). */
export const FIX_ALL_KIND = 'source.fixAll.aksLint';

/** The settings section, as the client sends it (workspace/configuration section `aksLint`). */
export interface AksLintSettings {
  readonly enable: boolean;
  /** Per-rule severity override by code or name (same values as .aks-lint.yaml). */
  readonly rules: Readonly<Record<string, RuleSeveritySetting>>;
  readonly configFile: string;
  readonly varFiles: readonly string[];
}

export type RuleSeveritySetting = 'error' | 'warning' | 'info' | 'off';

export const DEFAULT_SETTINGS: AksLintSettings = { enable: true, rules: {}, configFile: '', varFiles: [] };
