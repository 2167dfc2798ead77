import { asSeq, type KEntry, type KValue } from './k-value';
import type { K8sObject } from './object';
import { viewPerObject } from './view-memo';

// ServiceAccount facts for workload identity (aks-rules §2.8).

export const WI_CLIENT_ID = 'azure.workload.identity/client-id';
export const WI_TENANT_ID = 'azure.workload.identity/tenant-id';
export const WI_TOKEN_EXPIRATION = 'azure.workload.identity/service-account-token-expiration';
export const WI_USE_LABEL = 'azure.workload.identity/use';

export interface ServiceAccountView {
  readonly object: K8sObject;
  readonly clientId: KEntry | undefined;
  readonly tenantId: KEntry | undefined;
  readonly tokenExpiration: KEntry | undefined;
  /** the `azure.workload.identity/use` label on the ServiceAccount (a misplacement: it belongs on pods) */
  readonly useLabel: KEntry | undefined;
  readonly automountServiceAccountToken: KValue | undefined;
  readonly imagePullSecrets: readonly KValue[];
}

export const SERVICE_ACCOUNT_KINDS: ReadonlySet<string> = new Set(['ServiceAccount']);

/** One view per ServiceAccount object. */
export const serviceAccountView: (obj: K8sObject) => ServiceAccountView | undefined = viewPerObject(SERVICE_ACCOUNT_KINDS, newView);

function newView(obj: K8sObject): ServiceAccountView {
  return {
    object: obj,
    clientId: obj.annotation(WI_CLIENT_ID),
    tenantId: obj.annotation(WI_TENANT_ID),
    tokenExpiration: obj.annotation(WI_TOKEN_EXPIRATION),
    useLabel: obj.label(WI_USE_LABEL),
    automountServiceAccountToken: obj.field('automountServiceAccountToken'),
    imagePullSecrets: asSeq(obj.field('imagePullSecrets'))?.items ?? [],
  };
}
