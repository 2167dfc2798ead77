import { asMap, asSeq, mapItems, scalarText, type KMap, type KValue } from './k-value';
import type { K8sObject } from './object';

// Role/ClusterRole rules and RoleBinding/ClusterRoleBinding subjects (CI service-account RBAC, aks-rules §4.8).

export interface PolicyRule {
  readonly map: KMap;
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

export interface RoleView {
  readonly object: K8sObject;
  readonly clusterScoped: boolean;
  readonly rules: readonly PolicyRule[];
  /** ClusterRole aggregationRule, when present */
  readonly aggregationRule: KValue | undefined;
}

export interface RoleRef {
  readonly map: KMap;
  readonly apiGroup: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
}

export interface Subject {
  readonly map: KMap;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  /** as written; for ServiceAccount subjects an unset namespace is NOT the binding's namespace by default */
  readonly namespace: string | undefined;
  readonly apiGroup: string | undefined;
}

export interface RoleBindingView {
  readonly object: K8sObject;
  readonly clusterScoped: boolean;
  readonly roleRef: RoleRef | undefined;
  readonly subjects: readonly Subject[];
}

const ROLE_KINDS: ReadonlySet<string> = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS: ReadonlySet<string> = new Set(['RoleBinding', 'ClusterRoleBinding']);
/** The kinds these views read. */
export const RBAC_KINDS: ReadonlySet<string> = new Set([...ROLE_KINDS, ...BINDING_KINDS]);

export function roleView(obj: K8sObject): RoleView | undefined {
  if (!ROLE_KINDS.has(obj.kind)) return undefined;
  const rules = mapItems(obj.field('rules')).map((map) => ({
    map,
    apiGroups: strings(map.get('apiGroups')),
    resources: strings(map.get('resources')),
    verbs: strings(map.get('verbs')),
    resourceNames: strings(map.get('resourceNames')),
    nonResourceURLs: strings(map.get('nonResourceURLs')),
  }));
  return { object: obj, clusterScoped: obj.kind === 'ClusterRole', rules, aggregationRule: obj.field('aggregationRule') };
}

export function roleBindingView(obj: K8sObject): RoleBindingView | undefined {
  if (!BINDING_KINDS.has(obj.kind)) return undefined;
  const refMap = asMap(obj.field('roleRef'));
  const roleRef = refMap && {
    map: refMap,
    apiGroup: scalarText(refMap.get('apiGroup')),
    kind: scalarText(refMap.get('kind')),
    name: scalarText(refMap.get('name')),
  };
  const subjects = mapItems(obj.field('subjects')).map((map) => ({
    map,
    kind: scalarText(map.get('kind')),
    name: scalarText(map.get('name')),
    namespace: scalarText(map.get('namespace')),
    apiGroup: scalarText(map.get('apiGroup')),
  }));
  return { object: obj, clusterScoped: obj.kind === 'ClusterRoleBinding', roleRef, subjects };
}

function strings(value: KValue | undefined): string[] {
  const out: string[] = [];
  for (const item of asSeq(value)?.items ?? []) {
    const t = scalarText(item);
    if (t !== undefined) out.push(t);
  }
  return out;
}
