import { addressText, UAI, type ClusterFacts } from '../../model/identity/cluster-facts';
import { freeName, namesOf, roleAssignmentBlock } from '../../model/identity/fix-snippets';
import { coversTarget, grantsRole, roleAssignmentsOf, toControlPlane } from '../../model/identity/role-assignments';
import { allClusterFacts } from '../../model/identity/cluster-facts';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { CheckContext, FileEdit, Fix } from '../kit/define-rule';
import { fix, insertBlockAfter, type SourceText } from '../kit/fix';
import { addDependsOn, insertAfterCluster } from '../ra/role-assignment-fix';
import { memoOn } from '../kit/memo-on';
import { memoWithReads, type WithReads } from '../../model/terraform/attribute-reads';

// The "add kubelet_identity" fix of AKS-ID-002: wire the cluster to a user-assigned kubelet identity (an existing one
// clearly meant for it, or a new `<cluster>_kubelet`), plus the Managed Identity Operator assignment AKS-RA-004
// requires, in one edit set.

const KUBELET_NAME = /kubelet|agentpool|agent_pool|node/i;

/** Identities of the module that something else already uses: control planes, kubelets, federated credentials. */
function usedIdentities(module: TfModule, clusters: readonly ClusterFacts[]): Set<string> {
  const used = new Set<string>();
  for (const f of clusters) {
    for (const u of [f.controlPlane.uai, f.kubelet.uai]) if (u && u.module === module) used.add(u.address);
  }
  for (const cred of module.resourcesOfType('azurerm_federated_identity_credential')) {
    for (const attr of [cred.attribute('parent_id'), cred.attribute('user_assigned_identity_id')]) {
      const ref = attr && module.referenceOf(attr.expr, attr.file);
      if (ref?.kind === 'resource') used.add(ref.address);
    }
  }
  return used;
}

/** An existing UAI named for kubelet use and used by nothing else, when there is exactly one. */
function existingKubeletIdentity(facts: ClusterFacts, clusters: readonly ClusterFacts[]): TfResource | undefined {
  // once per module and cluster list, not per cluster: a module with many clusters made this quadratic
  const byModule = memoOn(clusters, 'kubelet-candidates', () => new Map<TfModule, WithReads<TfResource[]>>());
  const candidates = memoWithReads(byModule, facts.module, () => kubeletCandidates(facts.module, clusters));
  return candidates.length === 1 ? candidates[0] : undefined;
}

function kubeletCandidates(module: TfModule, clusters: readonly ClusterFacts[]): TfResource[] {
  const used = usedIdentities(module, clusters);
  return module.resourcesOfType(UAI).filter((r) => {
    if (used.has(r.address) || r.isCollection) return false;
    const name = r.attribute('name')?.value;
    return KUBELET_NAME.test(r.name) || (name?.kind === 'string' && KUBELET_NAME.test(name.value));
  });
}

function exprText(file: SourceText, cluster: TfResource, attribute: string): string | undefined {
  const a = cluster.attribute(attribute);
  return a && a.file === file.path ? file.text.slice(a.expr.range.start, a.expr.range.end) : undefined;
}

/** `"aks-prod-kubelet"` from a literal name, `"${var.name}-kubelet"` from an expression. */
function kubeletNameExpr(file: SourceText, cluster: TfResource): string {
  const v = cluster.attribute('name')?.value;
  if (v?.kind === 'string') return JSON.stringify(`${v.value}-kubelet`);
  const text = exprText(file, cluster, 'name');
  return text && !text.includes('\n') && !text.includes('"') ? `"\${${text}}-kubelet"` : JSON.stringify(`${cluster.name}-kubelet`);
}

export function addKubeletIdentityFix(ctx: CheckContext, facts: ClusterFacts): Fix[] {
  const { cluster, module, controlPlane } = facts;
  const file = ctx.getFile(cluster.file);
  const cp = controlPlane.uai;
  const identityBlock = controlPlane.identityBlock;
  if (!file || !cp || cp.module !== module || !identityBlock || identityBlock.file !== file.path || !cluster.node.closeBrace) return [];
  const modules = ctx.terraform().modules;
  // one list per model (fixes are built per cluster)
  const clusters = memoOn(modules, 'all-cluster-facts', () => allClusterFacts(modules));
  const existing = existingKubeletIdentity(facts, clusters);
  const after: string[] = [];
  let kubelet: string;
  if (existing) kubelet = existing.address;
  else {
    const rg = exprText(file, cluster, 'resource_group_name');
    const location = exprText(file, cluster, 'location');
    if (!rg || !location || rg.includes('\n') || location.includes('\n')) return [];
    const name = uniqueResourceName(module, `${cluster.name}_kubelet`);
    kubelet = `${UAI}.${name}`;
    after.push([
      `resource "${UAI}" "${name}" {`,
      `  name                = ${kubeletNameExpr(file, cluster)}`,
      `  resource_group_name = ${rg}`,
      `  location            = ${location}`,
      '}',
    ].join('\n'));
  }
  const block = [
    'kubelet_identity {',
    `  client_id                 = ${kubelet}.client_id`,
    `  object_id                 = ${kubelet}.principal_id`,
    `  user_assigned_identity_id = ${kubelet}.id`,
    '}',
  ].join('\n');
  const edits: FileEdit[] = [insertBlockAfter(file, identityBlock.node, block)];
  if (!existing || !operatorGranted(ctx, facts, clusters, existing)) {
    const raName = freeName(module, `${cluster.name}_kubelet_operator`);
    after.push(roleAssignmentBlock(raName, `${kubelet}.id`, 'Managed Identity Operator', `${addressText(cp)}.principal_id`));
    edits.push(...addDependsOn(file, cluster, [raName]));
  }
  edits.push(insertAfterCluster(file, cluster, after));
  const what = existing ? existing.address : `a new ${UAI}`;
  return [fix(`Add kubelet_identity using ${what} with its Managed Identity Operator assignment`, edits)];
}

function operatorGranted(ctx: CheckContext, facts: ClusterFacts, clusters: readonly ClusterFacts[], uai: TfResource): boolean {
  const target = { ref: { module: facts.module, address: uai.address } };
  const modules = ctx.terraform().modules;
  return memoOn(modules, 'role-assignments', () => roleAssignmentsOf(modules)).some(
    // cheapest test first (all three are pure, so the order does not change the answer)
    (ra) => grantsRole(ra, 'Managed Identity Operator') !== 'no' && coversTarget(ra, target) !== 'no' && toControlPlane(ra, facts, clusters) !== 'no',
  );
}

function uniqueResourceName(module: TfModule, base: string): string {
  const used = namesOf(module.resourcesOfType(UAI));
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  return name;
}
