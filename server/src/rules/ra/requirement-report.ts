import { allClusterFacts } from '../../model/identity/cluster-facts';
import { planFor } from '../../model/identity/fix-snippets';
import { requirementsOf, type Requirement } from '../../model/identity/requirements';
import { roleAssignmentsOf } from '../../model/identity/role-assignments';
import type { TfModule } from '../../model/terraform/model-types';
import type { CheckContext, Fix } from '../kit/define-rule';
import { fix } from '../kit/fix';
import { addDependsOn, insertAfterCluster } from './role-assignment-fix';
import { memoWithReads, type WithReads } from '../../model/terraform/attribute-reads';

// Common plumbing of AKS-RA-003/004/005: the model's requirements of one rule, and the fix that inserts the missing
// azurerm_role_assignment after the cluster (plus depends_on for a user-assigned control plane).

// AKS-RA-003/004/005 each ask for the same model's requirements: computed once per model (keyed by its module list)
const byModel = new WeakMap<readonly TfModule[], WithReads<readonly Requirement[]>>();

export function requirements(ctx: CheckContext, code: Requirement['code']): Requirement[] {
  const modules = ctx.terraform().modules;
  const all = memoWithReads(byModel, modules, () => requirementsOf(allClusterFacts(modules), roleAssignmentsOf(modules)));
  return all.filter((r) => r.code === code);
}

export function requirementFix(ctx: CheckContext, req: Requirement): Fix[] {
  const plan = planFor(req);
  const cluster = req.facts.cluster;
  const file = ctx.getFile(cluster.file);
  if (!plan || !file || !cluster.node.closeBrace) return [];
  const edits = [insertAfterCluster(file, cluster, [plan.snippet])];
  if (plan.dependsOn) edits.push(...addDependsOn(file, cluster, [plan.resourceName]));
  return [fix(plan.title, ...edits)];
}

/** The words for a requirement's cluster: its `name` when static, else its address. */
export function clusterLabel(req: Requirement): string {
  const v = req.facts.cluster.attribute('name')?.value;
  return v?.kind === 'string' ? v.value : req.facts.cluster.address;
}
