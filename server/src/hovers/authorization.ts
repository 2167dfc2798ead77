import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';

// Hover on azure_rbac_enabled / local_account_disabled in azurerm_kubernetes_cluster (AKS-AUTH-002 trigger 3):
// the two authorization models and how they combine. Advisory text from aks-rules.md §4.3 / Lesson 3.

const AAD = 'azure_active_directory_role_based_access_control';

const AZURE_RBAC = [
  '**Azure RBAC for Kubernetes** (`azure_rbac_enabled`)',
  '',
  'Two authorization models can run together. **Microsoft Entra ID authorization (Azure RBAC)**: grants are Azure role assignments of the four ' +
    'built-in "Azure Kubernetes Service RBAC Reader/Writer/Admin/Cluster Admin" roles, scoped to the cluster, a namespace ' +
    '(`<cluster-id>/namespaces/<ns>`), a resource group or the subscription; Conditional Access/PIM and Activity Log audit apply; new grants take ' +
    'up to five minutes to propagate. **Kubernetes RBAC**: Role/ClusterRole + bindings inside the cluster; best for fine-grained, per-namespace, ' +
    'GitOps-managed permissions and in-cluster service accounts.',
  '',
  'Microsoft recommends Entra authorization as the default and Kubernetes RBAC for fine-grained intra-cluster permissions.',
  '',
  'Source: MicrosoftDocs/azure-aks-docs articles/aks/concepts-cluster-authorization.md',
].join('\n');

const LOCAL_ACCOUNTS = [
  '**local_account_disabled**',
  '',
  'Disables the static admin kubeconfig (`az aks get-credentials --admin` then fails with "Getting static credential isn\'t allowed because this ' +
    'cluster is set to disable local accounts"). Requires Kubernetes RBAC and AKS-managed Entra ID integration; members of ' +
    '`admin_group_object_ids` keep cluster-admin access. After disabling on an existing cluster, rotate the cluster certificates.',
  '',
  'Source: MicrosoftDocs/azure-aks-docs articles/aks/local-accounts.md',
].join('\n');

export function hoverAuthorization(ws: Workspace, file: string, offset: number): { markdown: string; range: TextRange } | undefined {
  for (const module of ws.terraform().modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      if (cluster.file !== file || offset < cluster.range.start || offset > cluster.range.end) continue;
      const candidates = [
        { attr: cluster.block(AAD)?.attribute('azure_rbac_enabled'), markdown: AZURE_RBAC },
        { attr: cluster.attribute('local_account_disabled'), markdown: LOCAL_ACCOUNTS },
      ];
      for (const { attr, markdown } of candidates) {
        const name = attr?.node.name.range;
        if (name && name.start <= offset && offset <= name.end) return { markdown, range: name };
      }
    }
  }
  return undefined;
}
