import { addressText, allClusterFacts, matchIdentity, UAI, type ClusterFacts } from '../../model/identity/cluster-facts';
import { resourceTypeOf, trace, type TracedRef } from '../../model/identity/trace';
import type { TfAttribute, TfModule } from '../../model/terraform/model-types';
import { defineRule, type CheckContext, type Fix, type FileCheckContext, type Report } from '../kit/define-rule';
import { fix, replaceRange } from '../kit/fix';
import { linkedModules, resourcesInFile } from './clusters-in-file';

// AKS-ID-003 (aks-rules.md §4.1, §2.3, Lesson 2 item 1): principal_id / object_id that names the wrong attribute.

type Id = 'clientId' | 'userAssignedPrincipal' | 'servicePrincipalKubelet';

export const rule = defineRule({
  code: 'AKS-ID-003',
  name: 'role-assignment-principal-is-object-id',
  title: 'Role assignments name a principal (object) ID that exists',
  severity: 'error',
  category: 'correctness',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: 'A role assignment or access policy whose principal is a client ID, or an identity attribute that is empty for this cluster, grants nothing.',
    rationale:
      'azurerm: "The Principal ID is also known as the Object ID (i.e. not the "Application ID" for applications)". A `client_id` in `principal_id` ' +
      'fails or targets nothing (Azure/acr#695). For a UserAssigned control plane, `az aks show` reports `identity.principalId: null` and azurerm copies ' +
      'that into `identity[0].principal_id`, so assignments must use the user-assigned identity\'s `principal_id`. A cluster that uses a service ' +
      'principal has an empty `kubelet_identity` (a single third-party report, so that case is a warning).\n\n' +
      'The check follows `principal_id` (`azurerm_role_assignment`) and `object_id` (`azurerm_key_vault_access_policy`, `access_policy` blocks) through ' +
      'variables, locals and module outputs. The fix rewrites the attribute when the reference is written in the assignment itself.',
    links: ['https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment', 'https://learn.microsoft.com/azure/aks/managed-identity-overview'],
  },
  messages: {
    clientId: '{attribute} must be an object (principal) ID, not a client/application ID: {expression} is a client ID.',
    userAssignedPrincipal: 'identity[0].principal_id is empty for cluster "{cluster}", whose identity is UserAssigned; use the user-assigned identity\'s principal_id.',
    servicePrincipalKubelet: 'Cluster "{cluster}" uses a service principal, so kubelet_identity is empty and this {attribute} names no principal.',
  },
  messageSeverity: { servicePrincipalKubelet: 'warning' },
  fixable: true,
  *check(ctx): Generator<Report<Id>> {
    const assignments = resourcesInFile(ctx, 'azurerm_role_assignment');
    const policies = resourcesInFile(ctx, 'azurerm_key_vault_access_policy');
    const vaults = resourcesInFile(ctx, 'azurerm_key_vault');
    if (assignments.length + policies.length + vaults.length === 0) return;
    // a traced principal stays within the linked modules, so only their clusters can match it
    const clusters = allClusterFacts(linkedModules(ctx));
    for (const ra of assignments) yield* checkPrincipal(ctx, ra.module, ra.attribute('principal_id'), clusters);
    for (const p of policies) yield* checkPrincipal(ctx, p.module, p.attribute('object_id'), clusters);
    for (const kv of vaults) {
      for (const policy of kv.blocks('access_policy')) yield* checkPrincipal(ctx, kv.module, policy.attribute('object_id'), clusters);
    }
  },
});

/** Exported identity blocks whose object ID attribute is `object_id` (kubelet and add-ons); UAIs use `principal_id`. */
const CLIENT_ATTRS = new Set(['client_id', 'application_id']);

function* checkPrincipal(ctx: FileCheckContext, module: TfModule, attr: TfAttribute | undefined, clusters: readonly ClusterFacts[]): Generator<Report<Id>> {
  if (!attr) return;
  const t = trace(module, attr.expr, attr.file);
  if (t?.kind !== 'ref' || t.path.length === 0) return;
  const at = { file: attr.file, range: attr.expr.range };
  const last = t.path[t.path.length - 1];
  if (typeof last === 'string' && CLIENT_ATTRS.has(last)) {
    // read only for a report: a check that read the file's text runs again after any edit of it (engine/kept-reports.ts)
    const expression = ctx.getFile(t.file)?.text.slice(t.node.range.start, t.node.range.end) ?? t.address;
    const replacement = objectIdAttribute(t);
    yield { messageId: 'clientId', data: { attribute: attr.name, expression }, ...at, fixes: replacement ? renameLast(ctx, t, replacement) : [] };
    return;
  }
  for (const m of matchIdentity(t, clusters)) {
    if (!m.viaCluster) continue;
    const cluster = m.facts.cluster.name;
    if (m.role === 'control-plane' && m.facts.controlPlane.type === 'UserAssigned') {
      yield { messageId: 'userAssignedPrincipal', data: { cluster }, ...at, fixes: (c) => useUaiPrincipal(c, t, m.facts) };
    } else if (m.role === 'kubelet' && m.facts.controlPlane.type === 'ServicePrincipal') {
      yield { messageId: 'servicePrincipalKubelet', data: { cluster, attribute: attr.name }, ...at };
    }
  }
}

/** The object-ID attribute next to a client ID: principal_id on identities, object_id on exported blocks/service principals. */
function objectIdAttribute(t: TracedRef): string | undefined {
  const type = resourceTypeOf(t.address);
  if (type === UAI && t.path.length === 1) return 'principal_id';
  if (type === 'azurerm_kubernetes_cluster' && t.path.length > 1) return 'object_id';
  if (type === 'azuread_service_principal' && t.path.length === 1) return 'object_id';
  return undefined; // an application's client ID has no principal of its own: the fix needs its service principal
}

function renameLast(ctx: FileCheckContext, t: TracedRef, name: string): Fix[] {
  const file = ctx.getFile(t.file);
  if (!t.direct || !file || t.node.kind !== 'GetAttr') return [];
  return [fix(`Use .${name}`, replaceRange(file, t.node.name.range, name))];
}

function useUaiPrincipal(ctx: CheckContext, t: TracedRef, facts: ClusterFacts): Fix[] {
  const uai = facts.controlPlane.uai;
  const file = ctx.getFile(t.file);
  if (!uai || !t.direct || !file || uai.module !== t.module) return [];
  const text = `${addressText(uai)}.principal_id`;
  return [fix(`Use ${text}`, replaceRange(file, t.node.range, text))];
}
