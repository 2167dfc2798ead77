import { defineRule } from '../kit/define-rule';
import { fix, removeNode, replaceRange } from '../kit/fix';
import { eolOf, indentationAt } from '../kit/fix-text';
import { blockText, resourcesInFile } from './clusters-in-file';

// AKS-ID-001 (aks-rules.md §4.1, Lesson 1 items 1-2): legacy service_principal, or service_principal together with identity.
export const rule = defineRule({
  code: 'AKS-ID-001',
  name: 'cluster-uses-managed-identity',
  title: 'AKS clusters use a managed identity, not a service principal',
  severity: 'warning',
  category: 'security',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: 'A cluster authenticating with a `service_principal` has a secret to rotate; AKS recommends a managed identity, and azurerm rejects both blocks together.',
    rationale:
      'AKS recommends "a managed identity over an application service principal for security and ease of use" (managed-identity-overview.md). ' +
      'Migrating an existing cluster from a service principal to a managed identity is supported, but "the kubelets will keep using your configured ' +
      '`service_principal` until you upgrade your Node Pool", and a managed-identity cluster can never go back to a service principal.\n\n' +
      'azurerm requires exactly one of `identity` or `service_principal`; with both on a new cluster it fails ("the \'identity\' and ' +
      '\'service_principal\' block cannot be specified together"). The fix replaces the `service_principal` block with a system-assigned ' +
      '`identity` block (or, when both are present, removes `service_principal`). Review role assignments that targeted the service principal.',
    links: ['https://learn.microsoft.com/azure/aks/managed-identity-overview', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster'],
  },
  messages: {
    servicePrincipal: 'Cluster "{cluster}" authenticates with a service principal (legacy, a secret to rotate). Use a managed identity: identity { type = "SystemAssigned" } or "UserAssigned".',
    both: '"identity" and "service_principal" cannot be set together on a new AKS cluster; remove the service_principal block.',
  },
  messageSeverity: { both: 'error' },
  fixable: true,
  *check(ctx) {
    const file = ctx.file;
    for (const cluster of resourcesInFile(ctx, 'azurerm_kubernetes_cluster')) {
      const sp = cluster.block('service_principal');
      if (!sp) continue;
      const at = { file: file.path, range: sp.node.type.range };
      if (cluster.block('identity') || cluster.hasDynamic('identity')) {
        yield { messageId: 'both', ...at, fixes: [fix('Remove the service_principal block', removeNode(file, sp.node))] };
        continue;
      }
      const indent = indentationAt(file.text, sp.node.range.start);
      const identity = blockText('identity {\n  type = "SystemAssigned"\n}', indent, eolOf(file.text));
      yield {
        messageId: 'servicePrincipal',
        data: { cluster: cluster.name },
        ...at,
        fixes: [fix('Replace service_principal with a system-assigned managed identity', replaceRange(file, sp.node.range, identity))],
      };
    }
  },
});
