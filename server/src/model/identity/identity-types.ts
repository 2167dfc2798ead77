import type { TextRange } from '../../text/text-range';

// The identity model as plain, JSON-serialisable data: the language server sends it as-is to the client's tree view
// and webview. Bump IDENTITY_MODEL_VERSION on any incompatible change.

export const IDENTITY_MODEL_VERSION = 1 as const;

export type IdentityType = 'system-assigned' | 'user-assigned' | 'service-principal' | 'unknown';

/** 'control-plane', 'kubelet', 'service-principal' or 'addon:<azurerm add-on key>' (the az aks show side names them the same). */
export type IdentityRoleKey = string;

export interface SourceSpan {
  readonly file: string;
  readonly range: TextRange;
}

export interface AssignedRole {
  readonly role: string;
  /** the scope expression as written */
  readonly scope: string;
  /** what the scope resolves to: `azurerm_subnet.aks`, a literal ID, or 'unknown' */
  readonly scopeResolvesTo: string;
  /** `azurerm_role_assignment.x` */
  readonly address: string;
  readonly at: SourceSpan;
}

export interface NeededRole {
  /** rule that reports it */
  readonly code: string;
  readonly role: string;
  /** the scope expression the fix would write, or the target in words */
  readonly scope: string;
  readonly reason: string;
  /** title of the quick fix, and the HCL it inserts (absent when no fix can be written) */
  readonly fix?: { readonly title: string; readonly snippet: string };
  readonly at: SourceSpan;
}

export interface IdentityEntry {
  /** `<cluster id>#<role>` */
  readonly id: string;
  readonly role: IdentityRoleKey;
  readonly title: string;
  readonly type: IdentityType;
  /** a user-assigned identity the user declares (bring your own) */
  readonly byo: boolean;
  /** where it is declared: the identity/kubelet_identity/add-on block, or the BYO UAI resource */
  readonly declaredAt?: SourceSpan;
  /** the BYO azurerm_user_assigned_identity address (and its `name` when static) */
  readonly resource?: { readonly address: string; readonly name?: string; readonly at?: SourceSpan };
  /** how to reference its principal (object) ID in Terraform, from the cluster's module */
  readonly principalExpression?: string;
  /** how `az aks show` reports it */
  readonly azAksShowPath: string;
  readonly explanation: string;
  readonly roleAssignments: readonly AssignedRole[];
  readonly neededRoles: readonly NeededRole[];
  /** values read from `az aks show` (actual side only) */
  readonly actual?: { readonly clientId?: string; readonly principalId?: string; readonly resourceId?: string };
}

export interface ClusterIdentities {
  /** `<module dir>:<address>` for declared clusters, `az-aks-show` for a document */
  readonly id: string;
  readonly name: string;
  readonly address?: string;
  readonly declaredAt?: SourceSpan;
  readonly identities: readonly IdentityEntry[];
}

export interface IdentityModel {
  readonly v: typeof IDENTITY_MODEL_VERSION;
  readonly clusters: readonly ClusterIdentities[];
}

export type ComparisonStatus = 'match' | 'differs' | 'declaredOnly' | 'actualOnly';

export interface IdentityComparison {
  readonly role: IdentityRoleKey;
  readonly title: string;
  readonly declared?: { readonly type: IdentityType; readonly resource?: string };
  readonly actual?: { readonly type: IdentityType; readonly resource?: string; readonly clientId?: string; readonly principalId?: string };
  readonly status: ComparisonStatus;
  /** why it differs, in words */
  readonly notes: readonly string[];
}

export interface IdentityComparisonResult {
  readonly v: typeof IDENTITY_MODEL_VERSION;
  readonly rows: readonly IdentityComparison[];
}
