import type { TfAttribute, TfBlock, TfModule, TfResource } from '../../model/terraform/model-types';
import { caseOnlyMismatch, networkCombinationViolations, type NetworkProfileFacts, type NetworkProfileField } from '../../model/azure/network-plugins';
import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, insertAttribute, insertBlockAfter, removeNode, replaceRange, type SourceText } from '../kit/fix';
import { poolsOf, stringAttr } from './cluster-network';
import { isLiteralString } from './literal';
import { perLinkedGroup } from '../kit/linked-groups';

// AKS-NET-001 (aks-rules.md §4.5, Lesson 5, §2.9): network_profile plugin / mode / policy / data-plane combinations
// the provider rejects, case-sensitive values, and retiring choices (kubenet, Azure NPM). The combination table is
// model data (network-plugins.ts); this rule places the findings and fixes. Any Unknown value silences the cluster.

type Id =
  | 'podCidrNeedsOverlay' | 'azurePolicyNeedsAzurePlugin' | 'ciliumPolicyNeedsCiliumDataPlane' | 'ciliumDataPlaneNeedsOverlay'
  | 'overlayNeedsAzurePlugin' | 'networkModeNeedsAzurePlugin' | 'kubenetRetiring' | 'azureNpmRetiring' | 'valueCasing';

const BY_MODEL_ID: Readonly<Record<string, { id: Id; attr: string }>> = {
  'pod-cidr-needs-overlay': { id: 'podCidrNeedsOverlay', attr: 'pod_cidr' },
  'azure-policy-needs-azure-plugin': { id: 'azurePolicyNeedsAzurePlugin', attr: 'network_policy' },
  'cilium-policy-needs-cilium-dataplane': { id: 'ciliumPolicyNeedsCiliumDataPlane', attr: 'network_policy' },
  'cilium-dataplane-needs-overlay-or-pod-subnet': { id: 'ciliumDataPlaneNeedsOverlay', attr: 'network_data_plane' },
  'overlay-needs-azure-plugin': { id: 'overlayNeedsAzurePlugin', attr: 'network_plugin_mode' },
  'network-mode-needs-azure-plugin': { id: 'networkModeNeedsAzurePlugin', attr: 'network_mode' },
  'kubenet-retiring': { id: 'kubenetRetiring', attr: 'network_plugin' },
  'azure-npm-retiring': { id: 'azureNpmRetiring', attr: 'network_policy' },
};

const FIELDS: readonly NetworkProfileField[] = ['network_plugin', 'network_plugin_mode', 'network_policy', 'network_data_plane'];

const OVERLAY_PROFILE = 'network_profile {\n  network_plugin      = "azure"\n  network_plugin_mode = "overlay"\n  pod_cidr            = "10.244.0.0/16"\n}';

export const rule = defineRule({
  code: 'AKS-NET-001',
  name: 'network-plugin-combination-valid',
  title: 'network_profile plugin, mode, policy and data plane form a valid, supported combination',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'Invalid or retiring combinations of network_plugin, network_plugin_mode, network_policy and network_data_plane.',
    rationale:
      'azurerm validates these together: `pod_cidr` only with kubenet or `network_plugin_mode = "overlay"`; `network_policy = ' +
      '"azure"` only with the `azure` plugin; `network_policy = "cilium"` needs `network_data_plane = "cilium"`, which needs ' +
      'overlay or a `pod_subnet_id`; `network_mode` only with `azure`. Values are case-sensitive (`StringInSlice(..., false)`). ' +
      '"If `network_profile` is not defined, `kubenet` profile will be used by default", and kubenet retires on 2028-03-31 ' +
      '(warning; the fix switches to Azure CNI Overlay, which azurerm can do in place: changing `network_plugin` forces a new ' +
      'cluster "except when upgrading from `kubenet` to `azure` with `network_plugin_mode` set to `overlay`"). Azure Network Policy ' +
      'Manager support ends 2026-09-30 on Windows and 2028-09-30 on Linux nodes (warning).',
    links: ['https://learn.microsoft.com/azure/aks/azure-cni-overlay', 'https://learn.microsoft.com/azure/aks/configure-kubenet'],
  },
  messages: {
    podCidrNeedsOverlay: 'pod_cidr can only be used with kubenet or Azure CNI Overlay; with network_plugin = "azure" set network_plugin_mode = "overlay" or remove pod_cidr.',
    azurePolicyNeedsAzurePlugin: 'Azure Network Policy Manager (network_policy = "azure") requires network_plugin = "azure".',
    ciliumPolicyNeedsCiliumDataPlane: 'network_policy = "cilium" requires network_data_plane = "cilium".',
    ciliumDataPlaneNeedsOverlay: 'network_data_plane = "cilium" requires network_plugin_mode = "overlay" or a pod_subnet_id on the node pools.',
    overlayNeedsAzurePlugin: 'network_plugin_mode = "overlay" requires network_plugin = "azure".',
    networkModeNeedsAzurePlugin: 'network_mode cannot be set unless network_plugin = "azure".',
    kubenetRetiring: '{how}kubenet, which AKS retires on 2028-03-31; use Azure CNI Overlay.',
    azureNpmRetiring: 'Azure NPM support ends 2026-09-30 on Windows nodes and 2028-09-30 on Linux nodes; migrate to Cilium network policy.',
    valueCasing: '{name} = "{value}" is rejected: the value is case-sensitive, write "{canonical}".',
  },
  messageSeverity: { kubenetRetiring: 'warning', azureNpmRetiring: 'warning' },
  fixable: true,
  *check(ctx) {
    yield* perLinkedGroup(ctx.terraform().modules, 'AKS-NET-001', (group) => checkGroup(ctx, group));
  },
});

function* checkGroup(ctx: CheckContext, modules: readonly TfModule[]): Generator<Report<Id>> {
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      const profile = cluster.block('network_profile');
      if (!profile && cluster.hasDynamic('network_profile')) continue;
      const facts = factsOf(cluster, profile, modules);
      if (!facts) continue;
      const file = ctx.getFile(cluster.file);
      for (const v of networkCombinationViolations(facts)) {
        const m = BY_MODEL_ID[v.id];
        if (!m) continue;
        const attr = profile?.attribute(m.attr);
        if (m.id === 'kubenetRetiring') {
          yield kubenet(ctx, cluster, profile, attr);
          continue;
        }
        if (!attr) continue;
        yield { messageId: m.id, file: attr.file, range: attr.node.name.range, fixes: file && profile ? fixesFor(m.id, file, profile, attr, facts) : undefined };
      }
      for (const name of FIELDS) {
        const a = stringAttr(profile, name);
        const canonical = a.kind === 'known' ? caseOnlyMismatch(name, a.value) : undefined;
        if (a.kind !== 'known' || !canonical) continue;
        const f = ctx.getFile(a.attr.file);
        const fixes = f && isLiteralString(a.attr.expr) ? [fix(`Write "${canonical}"`, replaceRange(f, a.attr.expr.range, `"${canonical}"`))] : undefined;
        yield { messageId: 'valueCasing', data: { name, value: a.value, canonical }, file: a.attr.file, range: a.attr.node.name.range, fixes };
      }
    }
  }
}

/** Facts for the model's combination table; undefined when a written value is not statically known. */
function factsOf(cluster: TfResource, profile: TfBlock | undefined, modules: Parameters<typeof poolsOf>[1]): NetworkProfileFacts | undefined {
  const plugin = stringAttr(profile, 'network_plugin');
  const mode = stringAttr(profile, 'network_plugin_mode');
  const policy = stringAttr(profile, 'network_policy');
  const v4Plane = stringAttr(profile, 'network_data_plane');
  const dataPlane = v4Plane.kind === 'absent' ? stringAttr(profile, 'ebpf_data_plane') : v4Plane;
  if ([plugin, mode, policy, dataPlane].some((k) => k.kind === 'unknown')) return undefined;
  const val = (k: typeof plugin) => (k.kind === 'known' ? k.value : undefined);
  const set = (name: string) => {
    const a = profile?.attribute(name);
    return !!a && a.value.kind !== 'null';
  };
  const anyPodSubnet = poolsOf(cluster, modules).some((p) => {
    const a = p.block.attribute('pod_subnet_id');
    return !!a && a.value.kind !== 'null';
  });
  return {
    profilePresent: !!profile,
    plugin: val(plugin),
    mode: val(mode),
    policy: val(policy),
    dataPlane: val(dataPlane),
    podCidrSet: set('pod_cidr') || set('pod_cidrs'),
    networkModeSet: set('network_mode'),
    anyPodSubnet,
  };
}

function kubenet(ctx: { getFile(p: string): SourceText | undefined }, cluster: TfResource, profile: TfBlock | undefined, plugin: TfAttribute | undefined): Report<Id> {
  if (!profile || !plugin) {
    const file = ctx.getFile(cluster.file);
    const anchor = cluster.block('default_node_pool');
    const fixes = file && !profile && anchor ? [fix('Use Azure CNI Overlay', insertBlockAfter(file, anchor.node, OVERLAY_PROFILE))] : undefined;
    return { messageId: 'kubenetRetiring', data: { how: 'No network_profile block, so azurerm uses ' }, file: cluster.file, range: cluster.nameRange, fixes };
  }
  const file = ctx.getFile(plugin.file);
  const canFix = file && isLiteralString(plugin.expr) && !profile.attribute('network_plugin_mode');
  const fixes = canFix ? [fix('Switch to Azure CNI Overlay', replaceRange(file, plugin.expr.range, '"azure"'), insertAttribute(file, profile.node, 'network_plugin_mode = "overlay"'))] : undefined;
  return { messageId: 'kubenetRetiring', data: { how: 'network_plugin is ' }, file: plugin.file, range: plugin.node.name.range, fixes };
}

function fixesFor(id: Id, file: SourceText, profile: TfBlock, attr: TfAttribute, facts: NetworkProfileFacts): Fix[] | undefined {
  if (id === 'podCidrNeedsOverlay') {
    return [fix('Use Azure CNI Overlay (network_plugin_mode = "overlay")', insertAttribute(file, profile.node, 'network_plugin_mode = "overlay"')), fix('Remove pod_cidr', removeNode(file, attr.node))];
  }
  // a cilium data plane needs overlay or a pod subnet, else the fix would only trade one error for another
  if (id === 'ciliumPolicyNeedsCiliumDataPlane' && (facts.mode === 'overlay' || facts.anyPodSubnet)) {
    const plane = profile.attribute('network_data_plane');
    if (!plane) return [fix('Set network_data_plane = "cilium"', insertAttribute(file, profile.node, 'network_data_plane = "cilium"'))];
    return isLiteralString(plane.expr) ? [fix('Set network_data_plane = "cilium"', replaceRange(file, plane.expr.range, '"cilium"'))] : undefined;
  }
  return undefined;
}
