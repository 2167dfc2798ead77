import { moduleClusterFacts, UAI, type ClusterFacts } from '../../model/identity/cluster-facts';
import { resourceTypeOf, trace, type TracedRef } from '../../model/identity/trace';
import type { TfBlock } from '../../model/terraform/model-types';
import { defineRule, type CheckContext, type FileCheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange } from '../kit/fix';
import { eolOf, indentationAt } from '../kit/fix-text';
import { blockText } from './clusters-in-file';
import { addKubeletIdentityFix } from './kubelet-identity-fix';

// AKS-ID-002 (aks-rules.md §4.1, Lesson 1 items 3-4): identity / kubelet_identity block shape, plus advice to bring
// a kubelet identity when the control plane is user-assigned (the fix wires it and its Managed Identity Operator role).

type Id = 'identityIdsMissing' | 'identityIdsMany' | 'identityType' | 'kubeletIncomplete' | 'kubeletNeedsUserAssigned' | 'kubeletMixed' | 'kubeletMissing';

const KUBELET_FIELDS = ['client_id', 'object_id', 'user_assigned_identity_id'] as const;
const UAI_ATTR: Record<(typeof KUBELET_FIELDS)[number], string> = { client_id: 'client_id', object_id: 'principal_id', user_assigned_identity_id: 'id' };

export const rule = defineRule({
  code: 'AKS-ID-002',
  name: 'identity-blocks-well-formed',
  title: 'identity and kubelet_identity blocks are complete and consistent',
  severity: 'error',
  category: 'correctness',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: 'The cluster identity and kubelet identity blocks must have the shape azurerm and AKS accept; a user-assigned control plane should bring its kubelet identity too.',
    rationale:
      '`identity.type` is `SystemAssigned` or `UserAssigned`; `identity_ids` "is required when `type` is set to `UserAssigned`. Currently only one User ' +
      'Assigned Identity is supported." `kubelet_identity.client_id`, `object_id` and `user_assigned_identity_id` are each required with the other two and ' +
      'with `identity.0.identity_ids`: "When `kubelet_identity` is enabled - The `type` field in the `identity` block must be set to `UserAssigned` and ' +
      '`identity_ids` must be set." All three must describe the same user-assigned identity (`object_id` is its `principal_id`).\n\n' +
      'Advice (info): with a user-assigned control plane and no `kubelet_identity`, AKS creates a system-managed kubelet identity ' +
      '(`<cluster>-agentpool`) in the node resource group, outside your Terraform, so role assignments for it (AcrPull, Key Vault) depend on an ' +
      'identity you do not manage. The fix adds `kubelet_identity` wired to a user-assigned identity (an existing one named for kubelet use, or a new ' +
      '`<cluster>_kubelet` after the cluster, copying `resource_group_name` and `location`), plus the "Managed Identity Operator" assignment that ' +
      'AKS-RA-004 requires and the `depends_on`. `kubelet_identity` is ForceNew: applying it to an existing cluster recreates the cluster.',
    links: ['https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster', 'https://learn.microsoft.com/azure/aks/pre-created-kubelet-managed-identity'],
  },
  messages: {
    identityIdsMissing: 'identity_ids is required when identity.type is "UserAssigned".',
    identityIdsMany: 'AKS supports exactly one user-assigned control-plane identity; identity_ids lists {count}.',
    identityType: 'identity.type must be "SystemAssigned" or "UserAssigned" for azurerm_kubernetes_cluster, not "{type}".',
    kubeletIncomplete: 'kubelet_identity needs client_id, object_id and user_assigned_identity_id together; missing: {missing}.',
    kubeletNeedsUserAssigned: 'kubelet_identity requires identity { type = "UserAssigned", identity_ids = [...] }.',
    kubeletMixed: 'kubelet_identity fields must all come from the same user-assigned identity; they name {identities}.',
    kubeletMissing:
      'Cluster "{cluster}" has a user-assigned control-plane identity but no kubelet_identity, so AKS creates a system-managed kubelet identity in the node resource group that Terraform does not manage. Consider bringing your own.',
  },
  messageSeverity: { kubeletMissing: 'info' },
  fixable: true,
  *check(ctx): Generator<Report<Id>> {
    // clusters declared twice under one address are skipped (Terraform rejects the module; references are ambiguous)
    const module = ctx.terraformModuleOf(ctx.file.path);
    for (const facts of (module ? moduleClusterFacts(module) : []).filter((f) => f.cluster.file === ctx.file.path)) {
      yield* identityShape(facts);
      yield* kubeletShape(ctx, facts);
    }
  },
});

function* identityShape(facts: ClusterFacts): Generator<Report<Id>> {
  const block = facts.controlPlane.identityBlock;
  const type = block?.attribute('type');
  if (!block || !type || type.value.kind !== 'string') return;
  const at = (r: { file: string; range: { start: number; end: number } }) => ({ file: r.file, range: r.range });
  if (type.value.value !== 'SystemAssigned' && type.value.value !== 'UserAssigned') {
    yield { messageId: 'identityType', data: { type: type.value.value }, ...at(type) };
    return;
  }
  if (type.value.value !== 'UserAssigned') return;
  const ids = block.attribute('identity_ids');
  const value = ids?.value;
  if (!ids || ((value?.kind === 'list' || value?.kind === 'set') && value.items.length === 0)) yield { messageId: 'identityIdsMissing', ...at(type) };
  else if ((value?.kind === 'list' || value?.kind === 'set') && value.items.length > 1) yield { messageId: 'identityIdsMany', data: { count: value.items.length }, ...at(ids) };
}

function* kubeletShape(ctx: FileCheckContext, facts: ClusterFacts): Generator<Report<Id>> {
  const block = facts.kubelet.block;
  const cp = facts.controlPlane;
  if (!block) {
    const identity = cp.identityBlock;
    if (cp.type === 'UserAssigned' && cp.uai && identity && !facts.cluster.hasDynamic('kubelet_identity') && !facts.cluster.isCollection) {
      yield { messageId: 'kubeletMissing', data: { cluster: facts.cluster.name }, file: identity.file, range: identity.node.type.range, fixes: (c) => addKubeletIdentityFix(c, facts) };
    }
    return;
  }
  const at = { file: block.file, range: block.node.type.range };
  const typeValue = cp.identityBlock?.attribute('type')?.value;
  const notUserAssigned = !cp.identityBlock ? !facts.cluster.hasDynamic('identity') : typeValue?.kind === 'string' && typeValue.value !== 'UserAssigned';
  const traced = new Map(KUBELET_FIELDS.map((f) => [f, uaiOf(block, f)]));
  if (notUserAssigned) yield { messageId: 'kubeletNeedsUserAssigned', ...at, fixes: (c) => userAssignedFix(c, facts, traced) };
  const missing = KUBELET_FIELDS.filter((f) => !block.attribute(f));
  if (missing.length > 0) {
    yield { messageId: 'kubeletIncomplete', data: { missing: missing.join(', ') }, ...at, fixes: (c) => completeFix(c, block, traced) };
    return;
  }
  const names = new Set([...traced.values()].map((t) => t?.address));
  if (names.size > 1 && !names.has(undefined)) yield { messageId: 'kubeletMixed', data: { identities: [...names].join(', ') }, ...at };
}

/** The UAI a kubelet_identity field names when it reads the matching attribute (client_id/principal_id/id) of one. */
function uaiOf(block: TfBlock, field: (typeof KUBELET_FIELDS)[number]): TracedRef | undefined {
  const attr = block.attribute(field);
  const t = attr && trace(block.module, attr.expr, attr.file);
  return t?.kind === 'ref' && resourceTypeOf(t.address) === UAI && t.path.length === 1 && t.path[0] === UAI_ATTR[field] ? t : undefined;
}

/** Rewrites the block with all three fields from the UAI the present ones name (only when it holds no comments). */
function completeFix(ctx: CheckContext, block: TfBlock, traced: Map<string, TracedRef | undefined>): Fix[] {
  const known = [...traced.values()].filter((t): t is TracedRef => t !== undefined && t.direct && t.module === block.module);
  const file = ctx.getFile(block.file);
  if (!file || known.length === 0 || new Set(known.map((t) => t.address)).size !== 1) return [];
  const body = file.text.slice(block.range.start, block.range.end);
  if (body.includes('#') || body.includes('//') || body.includes('/*')) return [];
  const uai = known[0].address;
  const lines = KUBELET_FIELDS.map((f) => `  ${f.padEnd(25)} = ${uai}.${UAI_ATTR[f]}`);
  const text = blockText(['kubelet_identity {', ...lines, '}'].join('\n'), indentationAt(file.text, block.range.start), eolOf(file.text));
  return [fix(`Set client_id, object_id and user_assigned_identity_id from ${uai}`, replaceRange(file, block.range, text))];
}

/** type = "SystemAssigned" -> "UserAssigned" plus identity_ids, when one unused UAI of the module can be the control plane. */
function userAssignedFix(ctx: CheckContext, facts: ClusterFacts, traced: Map<string, TracedRef | undefined>): Fix[] {
  const identity = facts.controlPlane.identityBlock;
  const type = identity?.attribute('type');
  const file = identity && ctx.getFile(identity.file);
  if (!identity || !type || !file || type.expr.kind !== 'Template' || identity.attribute('identity_ids')) return [];
  const kubelet = new Set([...traced.values()].map((t) => t?.address));
  const candidates = facts.module.resourcesOfType(UAI).filter((r) => !kubelet.has(r.address) && !r.isCollection && r.file === identity.file);
  if (candidates.length !== 1) return [];
  return [
    fix(`Use ${candidates[0].address} as the user-assigned control-plane identity`, [
      replaceRange(file, type.expr.range, '"UserAssigned"'),
      ...insertAttribute(file, identity.node, `identity_ids = [${candidates[0].address}.id]`),
    ]),
  ];
}
