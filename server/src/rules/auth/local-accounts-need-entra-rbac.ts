import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertAttribute, insertBlockAfter, replaceRange } from '../kit/fix';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import { tfModules } from '../ra/tf-modules';
import { memoReports } from '../kit/memo-on';
import { alignedLines, declareVariable } from './variable-snippet';

// AKS-AUTH-001. "If local_account_disabled is set to true, it is required to enable Kubernetes RBAC and AKS-managed
// Azure AD integration" (azurerm); otherwise nobody, Terraform included, can get credentials for the cluster.

const AAD = 'azure_active_directory_role_based_access_control';
const ADMIN_VAR = 'aks_admin_group_object_id';

type MessageId = 'missingEntra' | 'rbacDisabled' | 'notManaged';

export const rule = defineRule({
  code: 'AKS-AUTH-001',
  name: 'local-accounts-need-entra-rbac',
  title: 'Disabling local accounts needs Kubernetes RBAC and Entra ID integration',
  severity: 'error',
  category: 'security',
  docs: {
    summary: 'local_account_disabled = true without Kubernetes RBAC and AKS-managed Entra ID integration is rejected and leaves no way to sign in.',
    rationale:
      'azurerm: "If `local_account_disabled` is set to `true`, it is required to enable Kubernetes RBAC and AKS-managed Azure AD integration." ' +
      'With local accounts disabled, `az aks get-credentials --admin` fails with "Getting static credential isn\'t allowed because this cluster is ' +
      'set to disable local accounts", so access goes through Entra ID: members of `admin_group_object_ids` and, with `azure_rbac_enabled`, ' +
      'Azure role assignments. In azurerm 3.x the integration block also needs `managed = true`.\n\n' +
      'The fix adds the block with `azure_rbac_enabled = true` and an admin group taken from a new `aks_admin_group_object_id` variable. ' +
      'Changing `role_based_access_control_enabled` forces a new cluster.',
    links: ['https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster'],
  },
  messages: {
    missingEntra: 'local_account_disabled = true requires AKS-managed Entra ID integration ({block} { ... }); without it nobody can get cluster credentials.',
    rbacDisabled: 'local_account_disabled = true requires Kubernetes RBAC, but role_based_access_control_enabled is false.',
    notManaged: 'In azurerm 3.x, local_account_disabled = true requires managed = true in {block} (AKS-managed Entra ID integration).',
  },
  fixable: true,
  *check(ctx) {
    // per module (the version comes from its callers), replayed while the module is unchanged
    for (const module of tfModules(ctx)) {
      yield* memoReports(module, 'AKS-AUTH-001', function* () {
        for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) yield* checkCluster(ctx, module, cluster);
      });
    }
  },
});

function* checkCluster(ctx: CheckContext, module: TfModule, cluster: TfResource): Generator<Report<MessageId>> {
  const disabled = cluster.attribute('local_account_disabled');
  if (disabled?.value.kind !== 'bool' || !disabled.value.value) return;
  const file = ctx.getFile(cluster.file);
  const rbac = cluster.attribute('role_based_access_control_enabled');
  if (rbac?.value.kind === 'bool' && !rbac.value.value) {
    const canFix = file && rbac.expr.kind === 'Bool';
    yield {
      messageId: 'rbacDisabled',
      file: rbac.file,
      range: rbac.range,
      fixes: canFix ? [fix('Set role_based_access_control_enabled = true (forces a new cluster)', replaceRange(file, rbac.expr.range, 'true'))] : [],
    };
  }
  const aad = cluster.block(AAD);
  const v3 = module.azurermMajorVersion === 3;
  if (!aad) {
    if (cluster.hasDynamic(AAD)) return;
    const last = cluster.node.body.items[cluster.node.body.items.length - 1];
    const lines: [string, string][] = [
      ...(v3 ? [['managed', 'true'] as [string, string]] : []),
      ['azure_rbac_enabled', 'true'],
      ['admin_group_object_ids', `[var.${ADMIN_VAR}]`],
    ];
    const snippet = `${AAD} {\n${indent(alignedLines(lines))}\n}`;
    const fixes =
      file && last
        ? [
            fix(
              'Add AKS-managed Entra ID integration with Azure RBAC',
              insertBlockAfter(file, last, snippet),
              declareVariable(file, module, cluster, ADMIN_VAR, 'Object ID of the Entra ID group that administers the cluster.'),
            ),
          ]
        : [];
    yield { messageId: 'missingEntra', data: { block: AAD }, file: disabled.file, range: disabled.range, fixes };
    return;
  }
  const managed = aad.attribute('managed');
  if (v3 && !(managed?.value.kind === 'bool' && managed.value.value) && managed?.value.kind !== 'unknown') {
    const edits = !file ? [] : managed ? (managed.expr.kind === 'Bool' ? [replaceRange(file, managed.expr.range, 'true')] : []) : insertAttribute(file, aad.node, 'managed = true');
    yield {
      messageId: 'notManaged',
      data: { block: AAD },
      file: aad.file,
      range: aad.node.type.range,
      fixes: edits.length ? [fix('Set managed = true', edits)] : [],
    };
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}
