import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { TextRange } from '../../text/text-range';
import { MAX_PODS_BOUNDS, POD_CIDR_ALLOCATION, POD_SUBNET_ALLOCATION, usableSubnetIps } from '../../model/azure/network-constants';
import { defineRule, type CheckContext, type Fix, type RelatedLocation, type Report } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange, type SourceText } from '../kit/fix';
import { cidrText, podCidrOf, poolsOf, subnetCidrs, subnetOf } from './cluster-network';
import { nodesText, poolSizing, SURGE_ASSUMPTION_NOTE, type PoolSizing } from './pool-sizing';
import { perLinkedGroup } from '../kit/linked-groups';

// AKS-NET-004 (aks-rules.md §4.5, §2.5): IP capacity of node subnets, pod subnets and overlay/kubenet pod CIDRs,
// summed over every pool sharing them, with the numbers in the message. Silent when any input is Unknown.

type Id = 'subnetFull' | 'subnetTight' | 'podCidrFull' | 'kubenetNodes';

const TIGHT_RATIO = 0.8;

interface Use {
  readonly sizing: PoolSizing;
  /** IPs the pool needs at most / at least (they differ only for dynamic Pod Subnet batches) */
  readonly full: number;
  readonly min: number;
  readonly detail: string;
  readonly related: RelatedLocation;
  /** the pool's nodes take pod IPs from this subnet (Azure CNI node subnet) */
  readonly podsHere: boolean;
}

export const rule = defineRule({
  code: 'AKS-NET-004',
  name: 'subnet-ip-capacity',
  title: 'Subnets and pod CIDRs have room for every node, surge node and pod',
  severity: 'error',
  category: 'reliability',
  docs: {
    summary: 'The node subnet, pod subnet or pod CIDR is too small for the node pools that use it (nodes + upgrade surge, max pods).',
    rationale:
      'Azure reserves 5 addresses in every subnet, so a /24 offers 251. With Azure CNI on the node subnet every node takes ' +
      '`max_pods + 1` addresses: the subnet needs `(N + S) × (maxPods + 1)` (concepts-network-ip-address-planning.md: 50 nodes, ' +
      'surge 1, 30 pods → 1,581 → /21). With kubenet, Overlay or a Pod Subnet the node subnet needs `N + S`; a dynamic Pod Subnet ' +
      'hands out pod IPs in batches of 16 per node; Overlay and kubenet give every node a /24 of `pod_cidr` (default 10.244.0.0/16 ' +
      '→ 256 nodes), and kubenet stops at 400 nodes. All pools sharing a subnet count (`default_node_pool` and ' +
      '`azurerm_kubernetes_cluster_node_pool`).\n\n' +
      '`N` is `max_count` when autoscaling, else `node_count`; `S` is `upgrade_settings.max_surge` (a percentage is rounded up). ' +
      'When `max_surge` is not set, the rule assumes max(1, 10% of N) and says so: the AKS docs disagree between one node ' +
      '(upgrade-aks-node-pools-rolling.md) and 10% (best-practices-performance-scale-large.md). Above 80% use the rule warns: ' +
      'internal load balancer front-ends and private endpoints also take subnet IPs. A full subnet fails scale-out and upgrades ' +
      'with `SubnetIsFull`. Resizing a subnet is a network design decision, so the only fix offered (for one Azure CNI pool ' +
      'alone in its subnet) lowers `max_pods` to the largest value that leaves 20% headroom; Azure CNI Overlay is the other way out.',
    links: [
      'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
      'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
    ],
  },
  messages: {
    subnetFull: 'Subnet {subnet} ({cidr}) offers {usable} usable IPs but needs {required}: {detail}.{assumption}',
    subnetTight: 'Subnet {subnet} ({cidr}) would use {required} of its {usable} usable IPs ({percent}%): {detail}. Little room is left for load balancer front-ends, private endpoints or growth.{assumption}',
    podCidrFull: 'pod_cidr {podCidr}{implicit} gives each node a /24, room for {capacity} nodes, but the pools need {required}: {detail}.{assumption}',
    kubenetNodes: 'kubenet supports at most 400 nodes (one route per node in the route table); the pools need {required}: {detail}.{assumption}',
  },
  messageSeverity: { subnetTight: 'warning' },
  fixable: true,
  *check(ctx) {
    yield* perLinkedGroup(ctx.terraform().modules, 'AKS-NET-004', (group) => checkGroup(ctx, group));
  },
});

function* checkGroup(ctx: CheckContext, modules: readonly TfModule[]): Generator<Report<Id>> {
  const bySubnet = new Map<TfResource, Use[]>();
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      if (cluster.isCollection) continue;
      const sizings: PoolSizing[] = [];
      let allKnown = true;
      for (const pool of poolsOf(cluster, modules)) {
        const s = poolSizing(pool);
        if (!s) {
          allKnown = false;
          continue;
        }
        sizings.push(s);
        for (const use of subnetUses(s)) bySubnet.set(use.subnet, [...(bySubnet.get(use.subnet) ?? []), use.use]);
      }
      if (allKnown) yield* podCidrCapacity(cluster, sizings);
    }
  }
  for (const [subnet, uses] of bySubnet) {
    const report = subnetReport(ctx, subnet, uses);
    if (report) yield report;
  }
}

function subnetUses(s: PoolSizing): { subnet: TfResource; use: Use }[] {
  const out: { subnet: TfResource; use: Use }[] = [];
  const { block, module, name } = s.pool;
  const total = s.nodes + s.surge;
  const node = block.attribute('vnet_subnet_id');
  const nodeSubnet = subnetOf(module, node);
  if (node && nodeSubnet) {
    const cni = s.mode === 'azure-cni-node-subnet';
    const full = cni ? total * (s.maxPods + 1) : total;
    const detail = cni
      ? `pool "${name}" (${nodesText(s)}) × (${s.maxPods} max pods${s.maxPodsDefault ? ' by default' : ''} + 1) = ${full}`
      : `pool "${name}" ${nodesText(s)} = ${full}`;
    out.push({ subnet: nodeSubnet, use: { sizing: s, full, min: full, detail, podsHere: cni, related: { file: node.file, range: node.range, message: `node pool "${name}" uses this subnet` } } });
  }
  const pod = block.attribute('pod_subnet_id');
  const podSubnet = subnetOf(module, pod);
  if (pod && podSubnet && s.mode === 'azure-cni-pod-subnet') {
    const full = total * s.maxPods;
    const min = total * POD_SUBNET_ALLOCATION.dynamicBatchSize;
    const detail = `pool "${name}" pod IPs (${nodesText(s)}) × ${s.maxPods} max pods = ${full} (at least ${min} in batches of 16)`;
    out.push({ subnet: podSubnet, use: { sizing: s, full, min, detail, podsHere: false, related: { file: pod.file, range: pod.range, message: `node pool "${name}" puts its pods in this subnet` } } });
  }
  return out;
}

function subnetReport(ctx: { getFile(p: string): SourceText | undefined }, subnet: TfResource, uses: Use[]): Report<Id> | undefined {
  const prefixes = subnetCidrs(subnet);
  if (!prefixes) return undefined;
  const usable = prefixes.cidrs.reduce((sum, c) => sum + usableSubnetIps(c.prefix), 0);
  const full = uses.reduce((sum, u) => sum + u.full, 0);
  const min = uses.reduce((sum, u) => sum + u.min, 0);
  // most subnets have room: decide before building the message data and the fix
  if (!(min > usable) && !(full > usable * TIGHT_RATIO)) return undefined;
  const data = {
    subnet: subnet.address,
    cidr: prefixes.cidrs.map(cidrText).join(', '),
    usable,
    detail: uses.map((u) => u.detail).join('; '),
    assumption: uses.some((u) => u.sizing.surgeAssumed) ? SURGE_ASSUMPTION_NOTE : '',
  };
  const at = { file: prefixes.attr.file, range: prefixes.attr.node.name.range, related: uses.map((u) => u.related), fixes: lowerMaxPods(ctx, uses, usable) };
  if (min > usable) return { messageId: 'subnetFull', data: { ...data, required: min === full ? full : `at least ${min}` }, ...at };
  if (full > usable * TIGHT_RATIO) return { messageId: 'subnetTight', data: { ...data, required: full, percent: Math.round((full / usable) * 100) }, ...at };
  return undefined;
}

/**
 * The catalogue's code action for one Azure CNI pool alone in its subnet: the largest max_pods that keeps the pool
 * under 80% of the subnet (so neither finding remains), when that is still at least 10.
 */
function lowerMaxPods(ctx: { getFile(p: string): SourceText | undefined }, uses: readonly Use[], usable: number): Fix[] | undefined {
  if (uses.length !== 1 || !uses[0].podsHere) return undefined;
  const { sizing } = uses[0];
  const pods = Math.floor((usable * TIGHT_RATIO) / (sizing.nodes + sizing.surge)) - 1;
  if (pods < MAX_PODS_BOUNDS.min || pods >= sizing.maxPods) return undefined;
  const block = sizing.pool.block;
  const file = ctx.getFile(block.file);
  const attr = block.attribute('max_pods');
  if (!file || (attr && attr.expr.kind !== 'Number')) return undefined;
  const title = `Set max_pods = ${pods} (fits with 20% headroom; changing max_pods replaces the pool's nodes)`;
  return [fix(title, attr ? [replaceRange(file, attr.expr.range, String(pods))] : insertAttribute(file, block.node, `max_pods = ${pods}`))];
}

function* podCidrCapacity(cluster: TfResource, sizings: readonly PoolSizing[]): Generator<Report<Id>> {
  if (sizings.length === 0) return;
  const pod = podCidrOf(cluster);
  if (!pod) return;
  const required = sizings.reduce((sum, s) => sum + s.nodes + s.surge, 0);
  const detail = sizings.map((s) => `pool "${s.pool.name}" ${nodesText(s)}`).join('; ');
  const assumption = sizings.some((s) => s.surgeAssumed) ? SURGE_ASSUMPTION_NOTE : '';
  const at = where(cluster, pod.attr?.file, pod.attr?.node.name.range);
  const capacity = pod.cidr.prefix > POD_CIDR_ALLOCATION.perNodePrefix ? 0 : 2 ** (POD_CIDR_ALLOCATION.perNodePrefix - pod.cidr.prefix);
  if (required > capacity) {
    yield { messageId: 'podCidrFull', data: { podCidr: pod.text, implicit: pod.implicit ? ' (AKS default; pod_cidr is not set)' : '', capacity, required, detail, assumption }, ...at };
  }
  const kubenet = sizings[0].mode === 'kubenet';
  if (kubenet && required > POD_CIDR_ALLOCATION.kubenetMaxNodes) {
    const plugin = cluster.attr('network_profile.network_plugin');
    yield { messageId: 'kubenetNodes', data: { required, detail, assumption }, ...where(cluster, plugin?.file, plugin?.node.name.range) };
  }
}

function where(cluster: TfResource, file: string | undefined, range: TextRange | undefined): { file: string; range: TextRange } {
  return file && range ? { file, range } : { file: cluster.file, range: cluster.nameRange };
}
