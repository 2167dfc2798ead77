import type { TfAttribute, TfModule, TfResource } from '../terraform/model-types';
import { findRoleByDefinitionId, findRoleByNameIgnoreCase } from '../azure/roles';
import { matchIdentity, type ClusterFacts } from './cluster-facts';
import { resourceTypeOf, sameResource, trace, type Traced, type TracedRef } from './trace';
import { memoWithReads, type WithReads } from '../terraform/attribute-reads';

// azurerm_role_assignment resources with their role, principal and scope traced, and the three-valued questions the
// requirement checks ask: does this assignment grant role R, to identity I, over resource T? 'unknown' whenever a
// value is not statically known, so a requirement is only "missing" when every assignment is definitely unrelated.

export type Tri = 'yes' | 'no' | 'unknown';

export interface RoleAssignmentFacts {
  readonly resource: TfResource;
  readonly module: TfModule;
  /** canonical built-in role name, the custom name as written, or undefined when not statically known */
  readonly role: string | undefined;
  readonly principal: Traced | undefined;
  readonly scope: Traced | undefined;
  readonly principalAttr: TfAttribute | undefined;
  readonly scopeAttr: TfAttribute | undefined;
}

/** A resource a role must cover: a Terraform resource/data source, or a literal ARM ID. */
export type RoleTarget = { readonly ref: ResourceRef } | { readonly literal: string };

/** A resource instance in a module (what a traced `<address>.id` names). */
export type ResourceRef = Pick<TracedRef, 'module' | 'address' | 'instance'>;

/** Broad roles that include the actions of the narrower ones AKS needs (Contributor: `*` minus authorization writes). */
const SUPERSETS = new Set(['owner', 'contributor']);

export function roleAssignmentsOf(modules: readonly TfModule[]): RoleAssignmentFacts[] {
  return modules.flatMap(moduleRoleAssignments);
}

// Tracing each assignment is the costly part and several rules ask: memoised per module instance (a new model recomputes).
const byModule = new WeakMap<TfModule, WithReads<readonly RoleAssignmentFacts[]>>();

function moduleRoleAssignments(module: TfModule): readonly RoleAssignmentFacts[] {
  return memoWithReads(byModule, module, () => module.resourcesOfType('azurerm_role_assignment').map((resource) => readAssignment(module, resource)));
}

function readAssignment(module: TfModule, resource: TfResource): RoleAssignmentFacts {
  const principalAttr = resource.attribute('principal_id');
  const scopeAttr = resource.attribute('scope');
  return {
    resource,
    module,
    role: roleOf(resource),
    principal: principalAttr && trace(module, principalAttr.expr, principalAttr.file),
    scope: scopeAttr && trace(module, scopeAttr.expr, scopeAttr.file),
    principalAttr,
    scopeAttr,
  };
}

function roleOf(resource: TfResource): string | undefined {
  const name = resource.attribute('role_definition_name')?.value;
  if (name?.kind === 'string') return findRoleByNameIgnoreCase(name.value)?.name ?? name.value;
  const id = resource.attribute('role_definition_id')?.value;
  if (id?.kind === 'string') return findRoleByDefinitionId(id.value)?.name;
  return undefined;
}

export function grantsRole(ra: RoleAssignmentFacts, role: string): Tri {
  if (ra.role === undefined) return 'unknown';
  const have = ra.role.toLowerCase();
  return have === role.toLowerCase() || SUPERSETS.has(have) ? 'yes' : 'no';
}

/** Does the assignment's principal_id name the control-plane identity of `facts`? */
export function toControlPlane(ra: RoleAssignmentFacts, facts: ClusterFacts, clusters: readonly ClusterFacts[]): Tri {
  const p = ra.principal;
  if (!p || p.kind !== 'ref' || p.address.startsWith('data.')) return 'unknown';
  const matches = principalMatches(ra, p, clusters);
  if (matches.some((m) => m.facts === facts && m.role === 'control-plane')) return 'yes';
  return 'no';
}

// toControlPlane is asked per requirement (cluster x target) for each assignment: its principal is matched once per
// assignment and cluster list instead.
const matchesByAssignment = new WeakMap<RoleAssignmentFacts, WeakMap<readonly ClusterFacts[], WithReads<ReturnType<typeof matchIdentity>>>>();

function principalMatches(ra: RoleAssignmentFacts, p: Parameters<typeof matchIdentity>[0], clusters: readonly ClusterFacts[]): ReturnType<typeof matchIdentity> {
  let byList = matchesByAssignment.get(ra);
  if (!byList) matchesByAssignment.set(ra, (byList = new WeakMap()));
  return memoWithReads(byList, clusters, () => matchIdentity(p, clusters));
}

/** Does the assignment's scope contain the target (same resource, its VNet, resource group, or the subscription)? */
export function coversTarget(ra: RoleAssignmentFacts, target: RoleTarget): Tri {
  const s = ra.scope;
  if (!s) return 'unknown';
  if (s.kind === 'string') {
    if ('literal' in target) return containsId(s.value, target.literal) ? 'yes' : 'unknown';
    return 'unknown';
  }
  if (s.path.length !== 1 || s.path[0] !== 'id' || (s.instance && s.instance.key === undefined)) return 'unknown';
  const type = resourceTypeOf(s.address);
  if (type === 'azurerm_subscription') return 'yes';
  if ('ref' in target) {
    if (sameResource(s, target.ref)) return 'yes';
    if (type === 'azurerm_resource_group') return sameName(s, nameSource(target.ref, 'resource_group_name'));
    if (type === 'azurerm_virtual_network' && resourceTypeOf(target.ref.address) === 'azurerm_subnet') {
      const vnet = sameName(s, nameSource(target.ref, 'virtual_network_name'));
      // same VNet name in a definitely different resource group is another VNet
      return vnet === 'yes' && rgOfBoth(s, target.ref) === 'no' ? 'no' : vnet;
    }
    return isModuleLocalType(type) ? 'no' : 'unknown';
  }
  if (type === 'azurerm_resource_group') {
    const rg = /\/resourcegroups\/([^/]+)/i.exec(target.literal)?.[1];
    const name = nameValue(s);
    if (!rg || name === undefined) return 'unknown';
    return rg.toLowerCase() === name.toLowerCase() ? 'yes' : 'no';
  }
  return 'unknown';
}

function containsId(scope: string, id: string): boolean {
  const a = scope.replace(/\/+$/, '').toLowerCase();
  const b = id.replace(/\/+$/, '').toLowerCase();
  return b === a || b.startsWith(`${a}/`);
}

/** Known resource types whose IDs never contain a subnet, identity or DNS zone of another resource. */
function isModuleLocalType(type: string): boolean {
  return type.startsWith('azurerm_') || type.startsWith('azuread_');
}

/** The traced value of a name-like attribute of the target resource (`resource_group_name`, `virtual_network_name`). */
function nameSource(target: ResourceRef, attribute: string): Traced | undefined {
  const resource = target.module.resource(target.address);
  const attr = resource?.attribute(attribute);
  return attr && trace(target.module, attr.expr, attr.file);
}

function nameValue(scope: TracedRef): string | undefined {
  const attr = scope.module.resource(scope.address)?.attribute('name');
  const v = attr?.value;
  return v?.kind === 'string' ? v.value : undefined;
}

/** Does `name` (a traced name attribute) name the resource `scope`? */
function sameName(scope: TracedRef, name: Traced | undefined): Tri {
  if (!name) return 'unknown';
  if (name.kind === 'ref') {
    if (name.path.length === 1 && name.path[0] === 'name' && sameResource(name, scope)) return 'yes';
    return 'unknown';
  }
  const own = nameValue(scope);
  if (own === undefined) return 'unknown';
  return own.toLowerCase() === name.value.toLowerCase() ? 'yes' : 'no';
}

/** A VNet scope covers a subnet only in the same resource group; unknown unless both are plainly known. */
function rgOfBoth(vnet: ResourceRef, subnet: ResourceRef): Tri {
  const a = nameSource(vnet, 'resource_group_name');
  const b = nameSource(subnet, 'resource_group_name');
  if (!a || !b) return 'unknown';
  if (a.kind === 'ref' && b.kind === 'ref') return a.module === b.module && a.address === b.address ? 'yes' : 'unknown';
  if (a.kind === 'string' && b.kind === 'string') return a.value.toLowerCase() === b.value.toLowerCase() ? 'yes' : 'no';
  return 'unknown';
}
