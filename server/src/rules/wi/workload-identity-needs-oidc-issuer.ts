import { OIDC_REQUIRED_ERROR } from '../../model/azure/workload-identity';
import { defineRule } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange } from '../kit/fix';

// AKS-WI-001 (aks-rules.md §4.10, §2.8): workload_identity_enabled without the OIDC issuer. azurerm v5 defaults
// oidc_issuer_enabled to true, and an unpinned configuration gets the newest provider, so absence is reported only
// when the module pins azurerm below 5.

export const rule = defineRule({
  code: 'AKS-WI-001',
  name: 'workload-identity-needs-oidc-issuer',
  title: 'Workload identity has the OIDC issuer enabled',
  severity: 'error',
  category: 'correctness',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: '`workload_identity_enabled = true` needs `oidc_issuer_enabled = true`; azurerm rejects the cluster otherwise.',
    rationale:
      `azurerm (kubernetes_cluster_resource.go, v4.81.0) fails with "${OIDC_REQUIRED_ERROR}". Workload identity tokens are issued by the ` +
      "cluster's OIDC issuer, and federated identity credentials name that issuer (`oidc_issuer_url`, `az aks show --query " +
      'oidcIssuerProfile.issuerUrl`, form `https://{region}.oic.prod-aks.azure.com/{tenant_id}/{uuid}/`).\n\n' +
      'The OIDC issuer cannot be disabled once enabled ("Once enabled, this feature cannot be disabled"). In azurerm 5.x an absent ' +
      '`oidc_issuer_enabled` means `true`, so the rule reports an absent attribute only when the module pins azurerm 3.x or 4.x.',
    links: ['https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster'],
  },
  messages: {
    missing: `Workload identity needs the OIDC issuer: "${OIDC_REQUIRED_ERROR}" (azurerm {version}.x, where oidc_issuer_enabled defaults to false).`,
    disabled: `Workload identity needs the OIDC issuer: "${OIDC_REQUIRED_ERROR}" (azurerm).`,
  },
  fixable: true,
  *check(ctx) {
    const file = ctx.file;
    // the file's module only (azurermMajorVersion reads callers, which terraformModuleOf also tracks)
    for (const module of [ctx.terraformModuleOf(file.path)].filter((m) => m !== undefined)) {
      for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
        if (cluster.file !== file.path) continue;
        const wi = cluster.attribute('workload_identity_enabled');
        if (wi?.value.kind !== 'bool' || !wi.value.value) continue;
        const oidc = cluster.attribute('oidc_issuer_enabled');
        const title = 'Set oidc_issuer_enabled = true (cannot be disabled later)';
        if (!oidc) {
          const major = module.azurermMajorVersion;
          if (major === undefined || major >= 5) continue;
          const edits = insertAttribute(file, cluster.node, 'oidc_issuer_enabled = true');
          yield { messageId: 'missing', data: { version: major }, file: file.path, range: wi.node.name.range, fixes: edits.length ? [fix(title, edits)] : undefined };
        } else if (oidc.value.kind === 'bool' && !oidc.value.value) {
          const fixes = oidc.expr.kind === 'Bool' ? [fix(title, replaceRange(file, oidc.expr.range, 'true'))] : undefined;
          yield { messageId: 'disabled', file: file.path, range: oidc.node.name.range, fixes };
        }
      }
    }
  },
});
