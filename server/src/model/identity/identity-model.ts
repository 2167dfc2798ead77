import type { TfModule } from '../terraform/model-types';
import type { Workspace } from '../workspace';
import { identityMapEntry, type IdentityKey } from '../azure/identity-map';
import { addressText, allClusterFacts, CLUSTER, matchIdentity, type ClusterFacts } from './cluster-facts';
import { planFor } from './fix-snippets';
import { requirementsOf, type Requirement } from './requirements';
import { roleAssignmentsOf, type RoleAssignmentFacts } from './role-assignments';
import { pathText, type TracedRef } from './trace';
import {
  IDENTITY_MODEL_VERSION,
  type AssignedRole,
  type ClusterIdentities,
  type IdentityEntry,
  type IdentityModel,
  type IdentityType,
  type NeededRole,
  type SourceSpan,
} from './identity-types';

// identitiesOf: for each azurerm_kubernetes_cluster, its identities (control plane, kubelet, add-ons), where they are
// declared, how to reference them, how `az aks show` reports them, the role assignments that target them and the
// roles they still need. Plain data out.

/** The identity model of a workspace snapshot. */
export function identitiesOf(ws: Workspace): IdentityModel {
  return identitiesOfModules(ws.terraform().modules, (file) => ws.file(file)?.text);
}

/** The identity model over already-built modules; `textOf` returns a file's text (for expressions as written). */
export function identitiesOfModules(modules: readonly TfModule[], textOf: (file: string) => string | undefined): IdentityModel {
  const clusters = allClusterFacts(modules);
  const assignments = roleAssignmentsOf(modules);
  const missing = requirementsOf(clusters, assignments).filter((r) => r.status === 'missing');
  return plain({
    v: IDENTITY_MODEL_VERSION,
    clusters: clusters.map((facts) => clusterEntry(facts, clusters, assignments, missing.filter((r) => r.facts === facts), textOf)),
  });
}

/** Drops undefined fields everywhere, so the result is exactly what JSON transports. */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)])) as T;
}

function clusterEntry(
  facts: ClusterFacts,
  all: readonly ClusterFacts[],
  assignments: readonly RoleAssignmentFacts[],
  missing: readonly Requirement[],
  textOf: (file: string) => string | undefined,
): ClusterIdentities {
  const { cluster } = facts;
  const id = `${facts.module.dir}:${cluster.address}`;
  const name = cluster.attribute('name')?.value;
  const entry = (role: IdentityKey, type: IdentityType, byo: boolean, extra: Partial<IdentityEntry>): IdentityEntry => {
    const map = identityMapEntry(role);
    return {
      id: `${id}#${role}`,
      role,
      title: map?.title ?? role,
      type,
      byo,
      azAksShowPath: map?.azAksShowPath ?? '',
      explanation: map?.represents ?? '',
      roleAssignments: assignedTo(facts, role, all, assignments, textOf),
      neededRoles: role === 'control-plane' ? missing.map(neededRole) : [],
      ...extra,
    };
  };
  const identities: IdentityEntry[] = [controlPlane(facts, entry)];
  const ref = `${CLUSTER}.${cluster.name}`;
  if (facts.controlPlane.type !== 'ServicePrincipal') {
    const uai = facts.kubelet.uai;
    identities.push(entry('kubelet', 'user-assigned', !!facts.kubelet.block, {
      declaredAt: facts.kubelet.block && span(facts.kubelet.block),
      resource: uai && uaiResource(uai),
      principalExpression: uai && uai.module === facts.module ? `${addressText(uai)}.principal_id` : `${ref}.kubelet_identity[0].object_id`,
    }));
  }
  for (const addon of facts.addons) {
    const objectId = identityMapEntry(addon.key)?.terraformIds.objectId;
    identities.push(entry(addon.key, 'user-assigned', false, { declaredAt: addon.at, principalExpression: objectId && `${ref}.${objectId}` }));
  }
  return {
    id,
    name: name?.kind === 'string' ? name.value : cluster.name,
    address: cluster.address,
    declaredAt: { file: cluster.file, range: cluster.range },
    identities,
  };
}

type MakeEntry = (role: IdentityKey, type: IdentityType, byo: boolean, extra: Partial<IdentityEntry>) => IdentityEntry;

function controlPlane(facts: ClusterFacts, entry: MakeEntry): IdentityEntry {
  const cp = facts.controlPlane;
  const ref = `${CLUSTER}.${facts.cluster.name}`;
  if (cp.type === 'ServicePrincipal') {
    return entry('service-principal', 'service-principal', true, { role: 'control-plane', id: `${facts.module.dir}:${facts.cluster.address}#control-plane`, declaredAt: cp.servicePrincipalBlock && span(cp.servicePrincipalBlock) });
  }
  const type: IdentityType = cp.type === 'SystemAssigned' ? 'system-assigned' : cp.type === 'UserAssigned' ? 'user-assigned' : 'unknown';
  const principalExpression =
    cp.type === 'SystemAssigned' ? `${ref}.identity[0].principal_id` : cp.uai && cp.uai.module === facts.module ? `${addressText(cp.uai)}.principal_id` : undefined;
  return entry('control-plane', type, cp.type === 'UserAssigned', {
    declaredAt: cp.identityBlock && span(cp.identityBlock),
    resource: cp.uai && uaiResource(cp.uai),
    principalExpression,
  });
}

function span(block: { file: string; range: SourceSpan['range'] }): SourceSpan {
  return { file: block.file, range: block.range };
}

function uaiResource(uai: TracedRef): IdentityEntry['resource'] {
  const resource = uai.module.resource(uai.address);
  const name = resource?.attribute('name')?.value;
  const dir = uai.module.dir;
  return {
    address: `${dir && dir !== '.' ? `${dir}:` : ''}${addressText(uai)}`,
    name: name?.kind === 'string' ? name.value : undefined,
    at: resource && span(resource),
  };
}

function assignedTo(
  facts: ClusterFacts,
  role: IdentityKey,
  all: readonly ClusterFacts[],
  assignments: readonly RoleAssignmentFacts[],
  textOf: (file: string) => string | undefined,
): AssignedRole[] {
  const out: AssignedRole[] = [];
  for (const ra of assignments) {
    const p = ra.principal;
    if (p?.kind !== 'ref' || !matchIdentity(p, all).some((m) => m.facts === facts && m.role === role)) continue;
    const scopeText = ra.scopeAttr ? (textOf(ra.scopeAttr.file)?.slice(ra.scopeAttr.expr.range.start, ra.scopeAttr.expr.range.end) ?? '') : '';
    const s = ra.scope;
    const resolves = !s ? 'unknown' : s.kind === 'string' ? s.value : `${addressText(s)}${s.path.length ? `.${pathText(s.path)}` : ''}`;
    out.push({ role: ra.role ?? 'unknown', scope: scopeText, scopeResolvesTo: resolves, address: ra.resource.address, at: span(ra.resource) });
  }
  return out;
}

function neededRole(req: Requirement): NeededRole {
  const plan = planFor(req);
  return {
    code: req.code,
    role: req.role,
    scope: req.targetText,
    reason: req.reason,
    fix: plan && { title: plan.title, snippet: plan.snippet },
    at: { file: req.via.file, range: req.via.range },
  };
}
