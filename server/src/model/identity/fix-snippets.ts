import type { TfModule, TfResource } from '../terraform/model-types';
import { addressText } from './cluster-facts';
import { controlPlanePrincipalExpr, type Requirement } from './requirements';

// The HCL a missing role needs, as text (`terraform fmt`-clean: aligned `=`, two-space indentation). Shared by the
// quick fixes of AKS-RA-003/004/005 and ID-002 and by the identity model's "roles it still needs" list.

export interface RoleAssignmentPlan {
  readonly resourceName: string;
  readonly snippet: string;
  /** add the assignment to the cluster's depends_on (only for a user-assigned control plane: a system-assigned
   *  principal exists only after the cluster, so the dependency would be a cycle) */
  readonly dependsOn: boolean;
  readonly title: string;
}

export function roleAssignmentBlock(name: string, scope: string, role: string, principal: string): string {
  return [
    `resource "azurerm_role_assignment" "${name}" {`,
    `  scope                = ${scope}`,
    `  role_definition_name = ${JSON.stringify(role)}`,
    `  principal_id         = ${principal}`,
    '}',
  ].join('\n');
}

/** A resource name not yet used by an azurerm_role_assignment of the module (nor in `taken`). */
export function freeName(module: TfModule, base: string, taken: readonly string[] = []): string {
  const used = namesOf(module.resourcesOfType('azurerm_role_assignment'));
  let name = base;
  for (let i = 2; used.has(name) || taken.includes(name); i++) name = `${base}_${i}`;
  return name;
}

// Fixes ask per cluster; the module's names are gathered once per resource list (fixed for the module's life).
const nameSets = new WeakMap<readonly TfResource[], ReadonlySet<string>>();

/** The names of a list of resources, as a set (memoised per list). */
export function namesOf(resources: readonly TfResource[]): ReadonlySet<string> {
  let names = nameSets.get(resources);
  if (!names) nameSets.set(resources, (names = new Set(resources.map((r) => r.name))));
  return names;
}

const SUFFIX: Record<Requirement['kind'], string> = {
  subnet: 'network_contributor',
  kubeletOperator: 'kubelet_operator',
  privateDnsZone: 'private_dns',
  privateDnsVnet: 'dns_vnet_network_contributor',
};

/** The assignment that satisfies a requirement, when its scope and principal can be written in the cluster's module. */
export function planFor(req: Requirement, taken: readonly string[] = []): RoleAssignmentPlan | undefined {
  const { facts } = req;
  const principal = controlPlanePrincipalExpr(facts);
  if (!principal) return undefined;
  let scope: string;
  let base = `${facts.cluster.name}_${SUFFIX[req.kind]}`;
  if ('literal' in req.target) scope = JSON.stringify(req.target.literal);
  else if (req.target.ref.module === facts.module) scope = `${addressText(req.target.ref)}.id`;
  else return undefined;
  if (req.kind === 'subnet' && 'ref' in req.target) base = `${base}_${req.target.ref.address.split('.').pop()}`;
  const resourceName = freeName(facts.module, base, taken);
  return {
    resourceName,
    snippet: roleAssignmentBlock(resourceName, scope, req.role, principal),
    dependsOn: facts.controlPlane.type === 'UserAssigned',
    title: `Add "${req.role}" for the control-plane identity on ${req.targetText}`,
  };
}
