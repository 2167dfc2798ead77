import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertBlockAfter } from '../kit/fix';
import type { TfAttribute, TfModule, TfResource } from '../../model/terraform/model-types';
import { assignedRole } from '../ra/role-of';
import { tfModules } from '../ra/tf-modules';
import { memoOn, memoReportsKeyed } from '../kit/memo-on';
import { alignedLines, declareVariable } from './variable-snippet';

// AKS-AUTH-002 (advisory). With Azure RBAC for Kubernetes on, access comes from Azure role assignments of the
// "Azure Kubernetes Service RBAC ..." roles or from the admin group; a cluster with neither is reachable by nobody.

const AAD = 'azure_active_directory_role_based_access_control';
const AKS_RBAC_PREFIX = 'Azure Kubernetes Service RBAC ';
const READER_VAR = 'aks_rbac_reader_group_object_id';

type MessageId = 'noGrants' | 'noAdmins';

export const rule = defineRule({
  code: 'AKS-AUTH-002',
  name: 'azure-rbac-has-grants',
  title: 'Azure RBAC for Kubernetes has someone to grant',
  severity: 'info',
  messageSeverity: { noAdmins: 'warning' },
  category: 'security',
  docs: {
    summary: 'Azure RBAC for Kubernetes is enabled but no "Azure Kubernetes Service RBAC" role and no admin group is granted anywhere in the workspace.',
    rationale:
      'Two authorization models can run together. With Entra ID authorization (Azure RBAC), grants are Azure role assignments of the four ' +
      'built-in "Azure Kubernetes Service RBAC Reader/Writer/Admin/Cluster Admin" roles, scoped to the cluster, a namespace ' +
      '(`<cluster-id>/namespaces/<ns>`), a resource group or the subscription; they support Conditional Access/PIM and the Activity Log, and ' +
      'take up to five minutes to propagate. Kubernetes RBAC (Role/ClusterRole + bindings) stays the right tool for fine-grained, per-namespace, ' +
      'GitOps-managed permissions and in-cluster service accounts. Microsoft recommends Entra authorization as the default.\n\n' +
      'The rule is advisory: grants may be made outside this workspace. It stays silent when any role assignment\'s role is not statically known. ' +
      'With local accounts disabled, no Azure RBAC and no admin group (a heuristic), it warns.',
    links: ['https://learn.microsoft.com/azure/aks/concepts-cluster-authorization', 'https://learn.microsoft.com/azure/aks/manage-azure-rbac'],
  },
  messages: {
    noGrants: 'Azure RBAC for Kubernetes is on for {cluster}, but nobody is granted an "Azure Kubernetes Service RBAC ..." role here and admin_group_object_ids is empty.',
    noAdmins: 'No admin group and no Azure RBAC on {cluster}: with local accounts disabled, nobody may be able to administer the cluster.',
  },
  fixable: true,
  *check(ctx) {
    const modules = tfModules(ctx);
    // whether anything grants is workspace-wide; the reports per module are replayed while it and the module are unchanged
    const grants = modules.some(hasPossibleGrants);
    for (const module of modules) {
      yield* memoReportsKeyed(module, 'AKS-AUTH-002', String(grants), function* () {
        for (const resource of module.resourcesOfType('azurerm_kubernetes_cluster')) {
          const report = checkCluster(ctx, module, resource, grants);
          if (report) yield report;
        }
      });
    }
  },
});

/** True when some role assignment of the module grants (or, with an unknown role, may grant) an AKS RBAC role. */
function hasPossibleGrants(module: TfModule): boolean {
  return memoOn(module, 'AKS-AUTH-002:grants', () =>
    module.resourcesOfType('azurerm_role_assignment').some((resource) => {
      const role = assignedRole(module, resource);
      return !role || !role.builtIn || role.builtIn.name.startsWith(AKS_RBAC_PREFIX);
    }),
  );
}

/** true = certainly no admin group; false = some or unknown. */
function noAdminGroup(attr: TfAttribute | undefined): boolean {
  if (!attr) return true;
  const v = attr.value;
  return (v.kind === 'list' || v.kind === 'set') && v.items.length === 0 && !(v.kind === 'list' && v.open);
}

function checkCluster(ctx: CheckContext, module: TfModule, cluster: TfResource, grants: boolean): Report<MessageId> | undefined {
  const aad = cluster.block(AAD);
  if (!aad || cluster.hasDynamic(AAD)) return undefined;
  if (!noAdminGroup(aad.attribute('admin_group_object_ids'))) return undefined;
  const azureRbac = aad.attribute('azure_rbac_enabled');
  const data = { cluster: cluster.address };
  if (azureRbac?.value.kind === 'bool' && azureRbac.value.value) {
    if (grants) return undefined;
    const file = ctx.getFile(cluster.file);
    const fixes = file && !cluster.isCollection ? [fix('Grant "Azure Kubernetes Service RBAC Reader" to a group', insertBlockAfter(file, cluster.node, grantSnippet(cluster)), declareVariable(file, module, cluster, READER_VAR, 'Object ID of the Entra ID group granted read access to the cluster.'))] : [];
    return { messageId: 'noGrants', data, file: azureRbac.file, range: azureRbac.range, fixes };
  }
  const local = cluster.attribute('local_account_disabled');
  const rbacOff = !azureRbac || (azureRbac.value.kind === 'bool' && !azureRbac.value.value);
  if (rbacOff && local?.value.kind === 'bool' && local.value.value) return { messageId: 'noAdmins', data, file: local.file, range: local.range };
  return undefined;
}

function grantSnippet(cluster: TfResource): string {
  const body = alignedLines([
    ['scope', `${cluster.address}.id`],
    ['role_definition_name', '"Azure Kubernetes Service RBAC Reader"'],
    ['principal_id', `var.${READER_VAR}`],
  ]);
  return `resource "azurerm_role_assignment" "${cluster.name}_rbac_reader" {\n${body.split('\n').map((l) => `  ${l}`).join('\n')}\n}`;
}
