import type { TfAttribute, TfResource } from '../terraform/model-types';
import { addressText, CLUSTER, type ClusterFacts } from './cluster-facts';
import { coversTarget, grantsRole, toControlPlane, type RoleAssignmentFacts, type RoleTarget } from './role-assignments';
import { resourceTypeOf, sameResource, trace, type TracedRef } from './trace';
import { indexByScope, type ScopeLookup } from './assignments-by-scope';
import { withFields } from '../terraform/value';

// The roles the control-plane identity needs (aks-rules.md Lesson 2 items 3-5, rules AKS-RA-003/004/005) and whether
// the workspace grants them. A requirement is only 'missing' when every role assignment is definitely unrelated.

export type RequirementKind = 'subnet' | 'kubeletOperator' | 'privateDnsZone' | 'privateDnsVnet';

export interface Requirement {
  readonly code: 'AKS-RA-003' | 'AKS-RA-004' | 'AKS-RA-005';
  readonly kind: RequirementKind;
  readonly facts: ClusterFacts;
  readonly role: string;
  readonly target: RoleTarget;
  /** the cluster (or node pool) attribute that brings the target in */
  readonly via: TfAttribute;
  /** the target in words: `azurerm_subnet.aks`, or the literal ID */
  readonly targetText: string;
  readonly reason: string;
  readonly status: 'satisfied' | 'missing' | 'unknown';
  readonly grantedBy: readonly RoleAssignmentFacts[];
  /** a `DNS Zone Contributor` assignment on the zone: the classic wrong role for private zones */
  readonly wrongRole?: RoleAssignmentFacts;
}

const REASONS: Record<RequirementKind, string> = {
  subnet: 'AKS joins nodes to the BYO subnet and manages load balancers and route tables in it (Network Contributor or a custom role with subnets/join/action and subnets/read).',
  kubeletOperator: 'The control plane assigns the BYO kubelet identity to the node pools; this needs Managed Identity Operator scoped to that identity.',
  privateDnsZone: 'With a custom private DNS zone the cluster identity creates the API server record; without the role creation fails with CustomPrivateDNSZoneMissingPermissionError.',
  privateDnsVnet: 'With a custom private DNS zone AKS links the zone to the cluster VNet, which needs Network Contributor on the VNet.',
};

/** Requirements of every cluster whose control-plane identity is known (SystemAssigned, or UserAssigned traced to a UAI). */
export function requirementsOf(all: readonly ClusterFacts[], assignments: readonly RoleAssignmentFacts[]): Requirement[] {
  const out: Requirement[] = [];
  // Every requirement meets every assignment: group the assignments that can matter by role once (a few roles, many
  // requirements), keeping their order. An assignment of an unrelated known role is skipped by evaluate anyway.
  // Within a role, assignments scoped to one resource are indexed by it (see assignments-by-scope.ts).
  const byRole = new Map<string, ScopeLookup>();
  const candidates = (kind: RequirementKind, role: string, target: RoleTarget): readonly RoleAssignmentFacts[] => {
    const key = `${kind === 'privateDnsZone'}\u0000${role}`;
    let lookup = byRole.get(key);
    if (!lookup) {
      const list = assignments.filter((ra) => grantsRole(ra, role) !== 'no' || (kind === 'privateDnsZone' && ra.role === 'DNS Zone Contributor'));
      byRole.set(key, (lookup = indexByScope(list)));
    }
    return lookup(target);
  };
  for (const facts of all) {
    const cp = facts.controlPlane;
    if (facts.cluster.isCollection || !(cp.type === 'SystemAssigned' || (cp.type === 'UserAssigned' && cp.uai))) continue;
    const add = (kind: RequirementKind, role: string, target: RoleTarget, via: TfAttribute) =>
      out.push(evaluate(all, candidates(kind, role, target), { kind, role, target, via, facts }));
    const subnets = subnetsOf(facts);
    for (const s of subnets) add('subnet', 'Network Contributor', { ref: s.ref }, s.via);
    const kubeletId = facts.kubelet.block?.attribute('user_assigned_identity_id');
    if (facts.kubelet.uai && kubeletId) add('kubeletOperator', 'Managed Identity Operator', { ref: facts.kubelet.uai }, kubeletId);
    const zone = privateDnsZoneOf(facts);
    if (zone) {
      add('privateDnsZone', 'Private DNS Zone Contributor', zone.target, zone.via);
      const vnet = subnets.map((s) => vnetOf(s.ref)).find((v) => v !== undefined);
      if (vnet) add('privateDnsVnet', 'Network Contributor', { ref: vnet }, zone.via);
    }
  }
  return out;
}

type Draft = Pick<Requirement, 'kind' | 'role' | 'target' | 'via' | 'facts'>;

function evaluate(all: readonly ClusterFacts[], assignments: readonly RoleAssignmentFacts[], d: Draft): Requirement {
  const grantedBy: RoleAssignmentFacts[] = [];
  let unknown = false;
  let wrongRole: RoleAssignmentFacts | undefined;
  // Cheapest test first: every requirement meets every assignment, and most differ in role or scope.
  for (const ra of assignments) {
    const what = grantsRole(ra, d.role);
    const wrongRoleCandidate = d.kind === 'privateDnsZone' && ra.role === 'DNS Zone Contributor';
    if (what === 'no' && !wrongRoleCandidate) continue;
    const where = coversTarget(ra, d.target);
    if (where === 'no') continue;
    const who = toControlPlane(ra, d.facts, all);
    if (who === 'no') continue;
    if (what === 'no') wrongRole = ra;
    else if (what === 'yes' && where === 'yes' && who === 'yes') grantedBy.push(ra);
    else unknown = true;
  }
  const status = grantedBy.length > 0 ? 'satisfied' : unknown ? 'unknown' : 'missing';
  const code = d.kind === 'subnet' ? 'AKS-RA-003' : d.kind === 'kubeletOperator' ? 'AKS-RA-004' : 'AKS-RA-005';
  const targetText = 'ref' in d.target ? addressText(d.target.ref) : d.target.literal;
  // fields listed, not spread: a spread of the draft cost more than the rest of this function
  return { kind: d.kind, role: d.role, target: d.target, via: d.via, facts: d.facts, code, targetText, reason: REASONS[d.kind], status, grantedBy, wrongRole };
}

interface SubnetUse {
  readonly ref: TracedRef;
  readonly via: TfAttribute;
}

/** BYO subnets of the cluster and of its azurerm_kubernetes_cluster_node_pool resources, each once. */
function subnetsOf(facts: ClusterFacts): SubnetUse[] {
  const { cluster, module } = facts;
  const attrs: (TfAttribute | undefined)[] = [
    cluster.attr('default_node_pool.vnet_subnet_id'),
    cluster.attr('default_node_pool.pod_subnet_id'),
    cluster.attr('api_server_access_profile.subnet_id'),
  ];
  for (const pool of module.resourcesOfType('azurerm_kubernetes_cluster_node_pool')) {
    if (!belongsTo(pool, facts)) continue;
    attrs.push(pool.attribute('vnet_subnet_id'), pool.attribute('pod_subnet_id'));
  }
  const out: SubnetUse[] = [];
  for (const via of attrs) {
    if (!via) continue;
    const t = trace(module, via.expr, via.file);
    if (t?.kind !== 'ref' || resourceTypeOf(t.address) !== 'azurerm_subnet' || t.path.join('.') !== 'id') continue;
    if (!out.some((o) => sameResource(o.ref, t))) out.push({ ref: t, via });
  }
  return out;
}

function belongsTo(pool: TfResource, facts: ClusterFacts): boolean {
  const id = pool.attribute('kubernetes_cluster_id');
  const t = id && trace(pool.module, id.expr, id.file);
  return t?.kind === 'ref' && t.module === facts.module && t.address === facts.cluster.address && t.path.join('.') === 'id';
}

function privateDnsZoneOf(facts: ClusterFacts): { target: RoleTarget; via: TfAttribute } | undefined {
  const via = facts.cluster.attribute('private_dns_zone_id');
  if (!via) return undefined;
  const t = trace(facts.module, via.expr, via.file);
  if (t?.kind === 'string') return /\/privatednszones\//i.test(t.value) ? { target: { literal: t.value }, via } : undefined;
  if (t?.kind === 'ref' && resourceTypeOf(t.address) === 'azurerm_private_dns_zone' && t.path.join('.') === 'id') return { target: { ref: t }, via };
  return undefined;
}

/** The VNet a subnet names in virtual_network_name, when that traces to an azurerm_virtual_network's name. */
function vnetOf(subnet: TracedRef): TracedRef | undefined {
  const attr = subnet.module.resource(subnet.address)?.attribute('virtual_network_name');
  const t = attr && trace(subnet.module, attr.expr, attr.file);
  if (t?.kind !== 'ref' || resourceTypeOf(t.address) !== 'azurerm_virtual_network' || t.path.join('.') !== 'name') return undefined;
  return withFields(t, { path: ['id'] });
}

/** The control-plane principal as an expression valid in the cluster's module; undefined when none can be written. */
export function controlPlanePrincipalExpr(facts: ClusterFacts): string | undefined {
  const cp = facts.controlPlane;
  if (cp.type === 'SystemAssigned' && !facts.cluster.isCollection) return `${CLUSTER}.${facts.cluster.name}.identity[0].principal_id`;
  if (cp.type === 'UserAssigned' && cp.uai && cp.uai.module === facts.module) return `${addressText(cp.uai)}.principal_id`;
  return undefined;
}
