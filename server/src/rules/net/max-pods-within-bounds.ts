import type { TfModule, TfBlock, TfResource } from '../../model/terraform/model-types';
import { MAX_PODS_BOUNDS } from '../../model/azure/network-constants';
import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, replaceRange, type SourceText } from '../kit/fix';
import { numberAttr, podIpModeOf, poolsOf, stringAttr, type NodePoolFacts } from './cluster-network';
import { autoscaling } from './pool-sizing';
import { perLinkedGroup } from '../kit/linked-groups';

// AKS-NET-005 (aks-rules.md §4.5, §2.5): max_pods between 10 and 250, room for 30 pods per pool at its smallest
// size, and the Overlay recommendation of at most 110 pods on Windows nodes. The static-block waste check applies
// only to ARM/AzAPI input (azurerm has no pod IP allocation mode argument), so it is not here.

type Id = 'outOfRange' | 'tooFewPods' | 'windowsOverlay';

export const rule = defineRule({
  code: 'AKS-NET-005',
  name: 'max-pods-within-bounds',
  title: 'max_pods stays within AKS bounds',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'max_pods must be between 10 and 250, and each pool must have room for at least 30 pods.',
    rationale:
      'concepts-network-ip-address-planning.md: maximum pods per node is at least 10 and at most 250, and "the minimum value … ' +
      'is 10 if and only if the configuration of each node pool has space for a minimum of 30 pods" (so `max_pods = 10` needs ' +
      '3 nodes). The smallest pool size is `min_count` when autoscaling, else `node_count` (pools that may scale to zero are ' +
      'not checked). Windows pools on Azure CNI Overlay: at most 110 recommended (info). Changing `max_pods` on an existing pool ' +
      'needs `temporary_name_for_rotation` (default pool) or replaces the pool. Defaults per plugin: Overlay 250, Pod Subnet 110, ' +
      'Azure CNI node subnet 30, kubenet 110.',
    links: ['https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning'],
  },
  messages: {
    outOfRange: 'max_pods = {maxPods} is outside the AKS range of 10 to 250 pods per node.',
    tooFewPods: 'max_pods = {maxPods} with {nodes} node(s) ({source}) leaves room for {total} pods; each node pool must have room for at least 30 pods.',
    windowsOverlay: 'max_pods = {maxPods} on a Windows pool with Azure CNI Overlay; at most 110 is recommended for Windows nodes.',
  },
  messageSeverity: { windowsOverlay: 'info' },
  fixable: true,
  *check(ctx) {
    yield* perLinkedGroup(ctx.terraform().modules, 'AKS-NET-005', (group) => checkGroup(ctx, group));
  },
});

function* checkGroup(ctx: CheckContext, modules: readonly TfModule[]): Generator<Report<Id>> {
  const withCluster = new Map<TfBlock, NodePoolFacts>();
  for (const module of modules) for (const c of module.resourcesOfType('azurerm_kubernetes_cluster')) for (const p of poolsOf(c, modules)) withCluster.set(p.block, p);
  for (const module of modules) {
    const blocks: { block: TfBlock; cluster: TfResource | undefined }[] = [];
    for (const c of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      const def = c.block('default_node_pool');
      if (def) blocks.push({ block: def, cluster: c });
    }
    for (const r of module.resourcesOfType('azurerm_kubernetes_cluster_node_pool')) blocks.push({ block: r, cluster: withCluster.get(r)?.cluster });
    for (const b of blocks) yield* checkPool(ctx, b.block, b.cluster);
  }
}

function* checkPool(ctx: { getFile(p: string): SourceText | undefined }, block: TfBlock, cluster: TfResource | undefined): Generator<Report<Id>> {
  const maxPods = numberAttr(block, 'max_pods');
  if (maxPods.kind !== 'known') return;
  const attr = maxPods.attr;
  const at = { file: attr.file, range: attr.node.name.range };
  const file = ctx.getFile(attr.file);
  const setTo = (n: number) => (file && attr.expr.kind === 'Number' ? [fix(`Set max_pods = ${n}`, replaceRange(file, attr.expr.range, String(n)))] : undefined);
  if (maxPods.value < MAX_PODS_BOUNDS.min || maxPods.value > MAX_PODS_BOUNDS.max) {
    yield { messageId: 'outOfRange', data: { maxPods: maxPods.value }, ...at, fixes: setTo(maxPods.value < MAX_PODS_BOUNDS.min ? MAX_PODS_BOUNDS.minPodsPerPool : MAX_PODS_BOUNDS.max) };
    return;
  }
  const auto = autoscaling(block);
  if (auto !== undefined) {
    const count = numberAttr(block, auto ? 'min_count' : 'node_count');
    if (count.kind === 'known' && count.value > 0 && count.value * maxPods.value < MAX_PODS_BOUNDS.minPodsPerPool) {
      const data = { maxPods: maxPods.value, nodes: count.value, source: auto ? 'min_count' : 'node_count', total: count.value * maxPods.value };
      yield { messageId: 'tooFewPods', data, ...at, fixes: setTo(MAX_PODS_BOUNDS.minPodsPerPool) };
    }
  }
  const os = stringAttr(block, 'os_type');
  if (cluster && os.kind === 'known' && os.value === 'Windows' && maxPods.value > MAX_PODS_BOUNDS.windowsOverlayRecommendedMax && podIpModeOf(cluster, block) === 'azure-cni-overlay') {
    yield { messageId: 'windowsOverlay', data: { maxPods: maxPods.value }, ...at };
  }
}
