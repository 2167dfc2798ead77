import { EXPORTED_ONLY_IDENTITY_BLOCKS } from '../../model/azure/identity-map';
import { defineRule } from '../kit/define-rule';
import { fix, insertAttribute, removeNode, replaceRange } from '../kit/fix';
import { resourcesInFile } from './clusters-in-file';

// AKS-ID-004 (aks-rules.md §4.1, Lesson 1 items 5-6, §2.9): add-on identities are created by AKS; Container Insights
// must use MSI auth. Trigger 3 of the catalogue (a hand-made "azure policy identity") is optional and not implemented.
export const rule = defineRule({
  code: 'AKS-ID-004',
  name: 'addon-identity-not-supplied',
  title: 'Add-on identities are left to AKS; Container Insights uses MSI auth',
  severity: 'error',
  category: 'correctness',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: 'Add-on identity blocks are exported (read-only) attributes: AKS creates those identities and they cannot be supplied. Container Insights needs MSI authentication.',
    rationale:
      'azurerm exports `oms_agent[0].oms_agent_identity`, `key_vault_secrets_provider[0].secret_identity`, ' +
      '`ingress_application_gateway[0].ingress_application_gateway_identity`, `web_app_routing[0].web_app_routing_identity` and ' +
      '`aci_connector_linux[0].connector_identity` as read-only blocks; bring-your-own identities are unsupported for the add-ons ' +
      '(managed-identity-overview.md). Read them instead, e.g. `key_vault_secrets_provider[0].secret_identity[0].object_id` as a role-assignment ' +
      '`principal_id` and `.client_id` as the SecretProviderClass `userAssignedIdentityID`.\n\n' +
      'Container Insights legacy (non-MSI) authentication with Monitoring Metrics Publisher "retires on September 30, 2026"; azurerm sends ' +
      '`useAADAuth = "false"` when `msi_auth_for_monitoring_enabled` is omitted. With MSI auth Container Insights uses the cluster identity and ' +
      'needs no extra role. The check stays silent when the value is not statically known.',
    links: ['https://learn.microsoft.com/azure/aks/managed-identity-overview', 'https://learn.microsoft.com/azure/aks/csi-secrets-store-driver'],
  },
  messages: {
    exportedBlock: '{block} is an exported attribute of {parent}: AKS creates the add-on identity and it cannot be supplied. Remove the block and read {parent}[0].{block}[0] instead.',
    legacyMonitoringAuth: 'Container Insights legacy (non-MSI) authentication retires on 2026-09-30; set msi_auth_for_monitoring_enabled = true (azurerm sends useAADAuth = "false" otherwise).',
  },
  messageSeverity: { legacyMonitoringAuth: 'warning' },
  fixable: true,
  *check(ctx) {
    const file = ctx.file;
    for (const cluster of resourcesInFile(ctx, 'azurerm_kubernetes_cluster')) {
      for (const { parent, block } of EXPORTED_ONLY_IDENTITY_BLOCKS) {
        for (const p of cluster.blocks(parent)) {
          for (const b of p.blocks(block)) {
            yield {
              messageId: 'exportedBlock',
              data: { block, parent },
              file: file.path,
              range: b.node.type.range,
              fixes: [fix(`Remove the ${block} block`, removeNode(file, b.node))],
            };
          }
        }
      }
      for (const oms of cluster.blocks('oms_agent')) {
        const msi = oms.attribute('msi_auth_for_monitoring_enabled');
        if (!msi) {
          const edits = insertAttribute(file, oms.node, 'msi_auth_for_monitoring_enabled = true');
          yield { messageId: 'legacyMonitoringAuth', file: file.path, range: oms.node.type.range, fixes: edits.length ? [fix('Enable MSI auth for monitoring', edits)] : [] };
        } else if (msi.value.kind === 'bool' && !msi.value.value) {
          const literal = msi.expr.kind === 'Bool';
          yield {
            messageId: 'legacyMonitoringAuth',
            file: file.path,
            range: msi.range,
            fixes: literal ? [fix('Enable MSI auth for monitoring', replaceRange(file, msi.expr.range, 'true'))] : [],
          };
        }
      }
    }
  },
});
