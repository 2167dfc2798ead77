import type { TfAttribute, TfBlock, TfLocal, TfModule, TfResource } from '../../model/terraform/model-types';
import { defineRule, type Fix, type Report } from '../kit/define-rule';
import { fix, insertBlockAfter, removeNode, type SourceText } from '../kit/fix';
import { memoReports } from '../kit/memo-on';

// AKS-CICD-001 (aks-rules.md §4.8, Lessons 3 and 8): how the kubernetes (and helm) provider reaches and authenticates
// to an AKS cluster: static credentials that Entra clusters leave empty, the admin config that disabled local
// accounts remove, a private API endpoint the runner may not reach, a cluster created in the same apply that
// configures the provider, and exec mixed with static credentials.

type Id = 'entraNoClientCert' | 'adminConfigDisabled' | 'privateEndpoint' | 'stacking' | 'mixedExec';

const CERT_ATTRS = ['client_certificate', 'client_key', 'username', 'password'];
const STATIC_ATTRS = ['token', 'client_certificate', 'client_key', 'username', 'password'];
const KUBELOGIN_EXEC =
  'exec {\n  api_version = "client.authentication.k8s.io/v1beta1"\n  command     = "kubelogin"\n' +
  '  args        = ["get-token", "--login", "azurecli", "--server-id", "6dae42f8-4368-4678-94ff-3960e28e3630"]\n}';

export const rule = defineRule({
  code: 'AKS-CICD-001',
  name: 'kubernetes-provider-credentials',
  title: 'The kubernetes provider can reach the cluster and uses credentials it actually has',
  severity: 'error',
  category: 'operations',
  docs: {
    summary: 'kubernetes/helm provider configured with credentials an AKS cluster does not issue, against a private endpoint, or from a cluster in the same apply.',
    rationale:
      'With Entra ID integration (`azure_active_directory_role_based_access_control`) `kube_config[0].client_certificate` and ' +
      '`client_key` are empty strings, and `kube_admin_config` is not available when `local_account_disabled = true`; use the ' +
      '`kubelogin` exec plugin with the AKS server app ID `6dae42f8-4368-4678-94ff-3960e28e3630` (`--login spn` with ' +
      '`--use-azurerm-env-vars` for a service-principal CI; whether `client.authentication.k8s.io/v1` also works is unverified, ' +
      'the kubelogin docs use `v1beta1`). A private cluster\'s API server is reachable only from its VNet, a peered network, ' +
      'VPN/ExpressRoute or a private endpoint: "There\'s no support for Azure DevOps Microsoft-hosted Agents with private ' +
      'clusters" and authorized IP ranges do not apply to it. HashiCorp: credentials interpolated from other resources "SHOULD ' +
      'NOT be created in the same Terraform module where Kubernetes provider resources are also used"; manage the cluster and ' +
      'the Kubernetes resources in separate applies. Do not mix `exec` with `token` or client certificates.',
    links: [
      'https://learn.microsoft.com/azure/aks/access-private-cluster',
      'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs',
      'https://azure.github.io/kubelogin/concepts/aks.html',
    ],
  },
  messages: {
    entraNoClientCert: '{cluster} uses Entra ID integration, so kube_config has no client certificate/key (they are empty). Use an exec block with kubelogin.',
    adminConfigDisabled: 'kube_admin_config is not available because {cluster} sets local_account_disabled = true. Use kube_config with an exec block running kubelogin.',
    privateEndpoint:
      '{cluster} is a private cluster: the machine running Terraform must reach its private API endpoint (VNet, peering, VPN/ExpressRoute, self-hosted agent). Microsoft-hosted Azure DevOps agents are not supported; authorized IP ranges don\'t apply to the private endpoint.',
    stacking:
      'This {provider} provider is configured from {cluster}, created in the same apply as the {kind} resources it manages; HashiCorp warns of intermittent, unpredictable errors. Apply the cluster and the Kubernetes resources separately (or read the cluster through a data source in a second configuration).',
    mixedExec: 'The exec block is mixed with {attrs}; HashiCorp: do not mix exec with other credential attributes.',
  },
  messageSeverity: { privateEndpoint: 'warning', stacking: 'warning', mixedExec: 'warning' },
  fixable: true,
  *check(ctx) {
    // per module (its linked group decides), replayed while the module is unchanged
    for (const module of ctx.terraform().modules) yield* memoReports(module, 'AKS-CICD-001', () => checkModule(ctx, module));
  },
});

function* checkModule(ctx: { getFile(p: string): SourceText | undefined }, module: TfModule): Generator<Report<Id>> {
  for (const p of module.providers) {
    const config = p.name === 'kubernetes' ? p.block : p.name === 'helm' ? p.block.block('kubernetes') : undefined;
    if (config) yield* checkConfig(ctx, module, p.name, p.block, config);
  }
}

interface ClusterUse {
  readonly attr: TfAttribute;
  readonly cluster: TfResource;
  /** kube_config, kube_admin_config, fqdn, ... */
  readonly field: string;
}

/** Attributes of the provider config that read a managed azurerm_kubernetes_cluster (directly or through locals). */
function clusterUses(module: TfModule, config: TfBlock): ClusterUse[] {
  const out: ClusterUse[] = [];
  for (const attr of config.attributes()) {
    for (const ref of module.referencesIn(attr.expr, attr.file)) {
      let target = ref.target;
      let path = ref.path;
      if (ref.kind === 'local' && target) {
        const local = (target as TfLocal).attribute;
        const inner = module.referencesIn(local.expr, local.file).find((r) => r.kind === 'resource');
        if (!inner) continue;
        target = inner.target;
        path = inner.path;
      }
      const r = target as TfResource | undefined;
      if (r && 'type' in r && r.type === 'azurerm_kubernetes_cluster' && r.mode === 'managed' && typeof path[0] === 'string') out.push({ attr, cluster: r, field: path[0] });
    }
  }
  return out;
}

function* checkConfig(ctx: { getFile(p: string): SourceText | undefined }, module: TfModule, provider: string, providerBlock: TfBlock, config: TfBlock): Generator<Report<Id>> {
  const uses = clusterUses(module, config);
  const exec = config.block('exec');
  const first = uses[0];
  if (first) {
    const cluster = first.cluster;
    const name = { cluster: cluster.address };
    const certs = uses.filter((u) => CERT_ATTRS.includes(u.attr.name) && u.field === 'kube_config');
    if (cluster.block('azure_active_directory_role_based_access_control') && certs.length) {
      const fixes = kubeloginFix(ctx, config, certs.map((u) => u.attr), exec);
      yield { messageId: 'entraNoClientCert', data: name, file: certs[0].attr.file, range: certs[0].attr.node.name.range, fixes, related: certs.slice(1).map((u) => ({ file: u.attr.file, range: u.attr.range, message: 'also empty with Entra ID' })) };
    }
    const admin = uses.find((u) => u.field === 'kube_admin_config');
    const disabled = cluster.attribute('local_account_disabled')?.value;
    if (admin && disabled?.kind === 'bool' && disabled.value) yield { messageId: 'adminConfigDisabled', data: name, file: admin.attr.file, range: admin.attr.node.name.range };
    const host = uses.find((u) => u.attr.name === 'host' && ['kube_config', 'kube_admin_config', 'fqdn', 'private_fqdn'].includes(u.field));
    const priv = cluster.attribute('private_cluster_enabled')?.value;
    if (host && priv?.kind === 'bool' && priv.value) yield { messageId: 'privateEndpoint', data: name, file: host.attr.file, range: host.attr.node.name.range };
    const kind = provider === 'helm' ? 'helm_' : 'kubernetes_';
    if (managesResources(module, kind, new Set())) {
      const label = providerBlock.node.labels[0];
      yield { messageId: 'stacking', data: { ...name, provider, kind: `${kind}*` }, file: providerBlock.file, range: label ? label.range : providerBlock.node.type.range };
    }
  }
  if (exec) {
    const mixed = STATIC_ATTRS.filter((a) => config.attribute(a));
    if (mixed.length) yield { messageId: 'mixedExec', data: { attrs: mixed.join(', ') }, file: exec.file, range: exec.node.type.range };
  }
}

/** True when the module or a local module it calls declares resources of the provider (same apply). */
function managesResources(module: TfModule, prefix: string, seen: Set<TfModule>): boolean {
  if (seen.has(module)) return false;
  seen.add(module);
  if (module.resources.some((r) => r.type.startsWith(prefix))) return true;
  return module.moduleCalls.some((c) => c.child !== undefined && managesResources(c.child, prefix, seen));
}

/**
 * Removes the certificate attributes and adds a kubelogin exec block after the remaining attributes. Offered only when
 * cluster_ca_certificate (the longest name) stays and the attributes form one run, so `=` alignment stays fmt-clean.
 */
function kubeloginFix(ctx: { getFile(p: string): SourceText | undefined }, config: TfBlock, remove: readonly TfAttribute[], exec: TfBlock | undefined): Fix[] | undefined {
  const file = ctx.getFile(config.file);
  if (!file || exec) return undefined;
  const attrs = config.attributes();
  const keep = attrs.filter((a) => !remove.includes(a));
  if (!keep.some((a) => a.name === 'cluster_ca_certificate') || remove.some((a) => a.file !== config.file)) return undefined;
  const span = file.text.slice(attrs[0].range.start, attrs[attrs.length - 1].range.end);
  if (/\n[ \t]*\r?\n/.test(span)) return undefined;
  const anchor = keep[keep.length - 1];
  return [fix('Authenticate with kubelogin (exec)', ...remove.map((a) => removeNode(file, a.node)), insertBlockAfter(file, anchor.node, KUBELOGIN_EXEC))];
}
