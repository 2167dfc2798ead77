import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { TextRange } from '../../text/text-range';
import { cidrContains, cidrsOverlap, cidrSubnet, parseCidr, type Cidr } from '../../model/net/cidr';
import { RESERVED_RANGES, SUPPORTED_POD_CIDR_SPACES } from '../../model/azure/network-constants';
import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, insertAttribute, type SourceText } from '../kit/fix';
import { cidrText, podCidrOf, poolsOf, serviceCidrOf, subnetCidrs, subnetOf, vnetOfSubnet, vnetRanges, type EffectiveCidr, type NamedRange } from './cluster-network';
import { perLinkedGroup } from '../kit/linked-groups';

// AKS-NET-003 (aks-rules.md §4.5, §2.5): the service range, the overlay/kubenet pod range and the cluster VNet must
// not overlap each other or the ranges AKS reserves. The implicit defaults (service 10.0.0.0/16, pod 10.244.0.0/16)
// count, and the message says when a value is one. Peered VNets are not followed (not resolved statically yet).

type Id = 'serviceOverlapsSubnet' | 'serviceInVnet' | 'podOverlaps' | 'reservedRange' | 'podOutsideSupported';

const RESERVED = RESERVED_RANGES.map((r) => ({ cidr: parseCidr(r.cidr)!, note: r.note }));
const SUPPORTED_POD = SUPPORTED_POD_CIDR_SPACES.map((c) => parseCidr(c)!);
const FREE_SERVICE_SPACE = parseCidr('172.16.0.0/12')!;

export const rule = defineRule({
  code: 'AKS-NET-003',
  name: 'cluster-cidrs-do-not-overlap',
  title: 'Service, pod and VNet ranges do not overlap each other or reserved ranges',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'The service CIDR (default 10.0.0.0/16), the pod CIDR (default 10.244.0.0/16 for kubenet and Overlay) and the VNet must not overlap.',
    rationale:
      'The service range "must not be within the virtual network IP address range of your cluster" nor overlap its subnets: ' +
      'AKS fails with `ServiceCidrOverlapExistingSubnetsCidr` ("The specified service CIDR 10.0.0.0/16 is conflicted with an ' +
      'existing subnet CIDR 10.0.0.0/24"). When `service_cidr` is not set AKS uses 10.0.0.0/16, which collides with the very ' +
      'common VNet 10.0.0.0/16; the message says so. A service range inside the VNet but clear of today\'s subnets is a warning ' +
      '(a later subnet collides). The Overlay/kubenet pod CIDR must not overlap the VNet, its subnets or the service range, and ' +
      'none of the three may touch 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or 192.0.2.0/24. Pod CIDRs outside RFC 1918 and ' +
      'RFC 6598 are outside Microsoft\'s support scope (warning). The VNet is found through `default_node_pool.vnet_subnet_id` ' +
      '→ `azurerm_subnet.virtual_network_name`; all subnets of that VNet count. Peered VNets and on-premises ranges are not ' +
      'checked. The fix sets a free /16 from 172.16.0.0/12 and its .10 DNS service IP.',
    links: ['https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning', 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay'],
  },
  messages: {
    serviceOverlapsSubnet: '{service} overlaps {ranges} (AKS error ServiceCidrOverlapExistingSubnetsCidr).',
    serviceInVnet: '{service} lies inside the cluster VNet address space {ranges}; AKS requires a service range outside the VNet (a future subnet would collide).',
    podOverlaps: '{pod} overlaps {ranges}.',
    reservedRange: '{name} {cidr} overlaps {reserved}, which AKS does not allow for service, pod or VNet ranges.',
    podOutsideSupported: 'pod_cidr {cidr} is outside RFC 1918 and RFC 6598 (100.64.0.0/10) space, outside Microsoft\'s support scope for Azure CNI Overlay.',
  },
  messageSeverity: { serviceInVnet: 'warning', podOutsideSupported: 'warning' },
  fixable: true,
  *check(ctx) {
    yield* perLinkedGroup(ctx.terraform().modules, 'AKS-NET-003', (group) => checkGroup(ctx, group));
  },
});

function* checkGroup(ctx: CheckContext, modules: readonly TfModule[]): Generator<Report<Id>> {
  const seenVnets = new Set<TfResource>();
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      if (cluster.isCollection) continue;
      const svc = serviceCidrOf(cluster);
      const pod = podCidrOf(cluster);
      const net = clusterNetwork(cluster, modules);
      if (net.vnet && net.space && !seenVnets.has(net.vnet)) {
        seenVnets.add(net.vnet);
        for (const r of net.space) yield* reserved('VNet address space', r.cidr, r.attr.file, r.attr.node.name.range);
      }
      if (svc) yield* serviceChecks(ctx, cluster, svc, pod, net);
      if (pod) yield* podChecks(cluster, pod, svc, net);
    }
  }
}

interface ClusterNet {
  readonly vnet: TfResource | undefined;
  readonly space: NamedRange[] | undefined;
  readonly subnets: NamedRange[];
}

/** The VNet (address space + subnets) of the cluster's pools; the pools' own subnets when no VNet is declared. */
function clusterNetwork(cluster: TfResource, modules: readonly TfModule[]): ClusterNet {
  const subnets = new Map<string, NamedRange>();
  let vnet: TfResource | undefined;
  let space: NamedRange[] | undefined;
  for (const pool of poolsOf(cluster, modules)) {
    for (const name of ['vnet_subnet_id', 'pod_subnet_id']) {
      const subnet = subnetOf(pool.module, pool.block.attribute(name));
      if (!subnet) continue;
      const v = vnetOfSubnet(subnet);
      if (v && !vnet) {
        vnet = v;
        const ranges = vnetRanges(v, modules);
        space = ranges.space;
        for (const r of ranges.subnets) subnets.set(`${r.label} ${cidrText(r.cidr)}`, r);
      }
      const own = subnetCidrs(subnet);
      for (const cidr of own?.cidrs ?? []) {
        const attr = own!.attr;
        subnets.set(`subnet ${subnet.address} ${cidrText(cidr)}`, { label: `subnet ${subnet.address}`, cidr, attr });
      }
    }
  }
  return { vnet, space, subnets: [...subnets.values()] };
}

function describe(ranges: readonly NamedRange[]): string {
  return ranges.map((r) => `${r.label} ${cidrText(r.cidr)}`).join(', ');
}

function at(cluster: TfResource, c: EffectiveCidr, block: string): { file: string; range: TextRange } {
  if (c.attr) return { file: c.attr.file, range: c.attr.node.name.range };
  const b = cluster.block(block);
  return b ? { file: b.file, range: b.node.type.range } : { file: cluster.file, range: cluster.nameRange };
}

function* serviceChecks(ctx: { getFile(p: string): SourceText | undefined }, cluster: TfResource, svc: EffectiveCidr, pod: EffectiveCidr | undefined, net: ClusterNet): Generator<Report<Id>> {
  const service = svc.implicit ? `network_profile.service_cidr is not set, so AKS uses ${svc.text}, which` : `service_cidr ${svc.text}`;
  const where = at(cluster, svc, 'network_profile');
  yield* reserved('service_cidr', svc.cidr, where.file, where.range);
  const hit = net.subnets.filter((s) => cidrsOverlap(s.cidr, svc.cidr));
  if (hit.length) {
    const fixes = svc.implicit ? freeRangeFix(ctx, cluster, [...net.subnets, ...(net.space ?? [])].map((r) => r.cidr).concat(pod ? [pod.cidr] : [])) : undefined;
    yield { messageId: 'serviceOverlapsSubnet', data: { service, ranges: describe(hit) }, ...where, fixes, related: hit.map((s) => ({ file: s.attr.file, range: s.attr.range, message: `${s.label} ${cidrText(s.cidr)}` })) };
    return;
  }
  const inVnet = (net.space ?? []).filter((s) => cidrsOverlap(s.cidr, svc.cidr));
  if (inVnet.length) yield { messageId: 'serviceInVnet', data: { service, ranges: inVnet.map((r) => cidrText(r.cidr)).join(', ') }, ...where };
}

function* podChecks(cluster: TfResource, pod: EffectiveCidr, svc: EffectiveCidr | undefined, net: ClusterNet): Generator<Report<Id>> {
  const where = at(cluster, pod, 'network_profile');
  yield* reserved('pod_cidr', pod.cidr, where.file, where.range);
  const label = pod.implicit ? `pod_cidr is not set, so AKS uses ${pod.text}, which` : `pod_cidr ${pod.text}`;
  const hits: string[] = [];
  const subnetHits = net.subnets.filter((s) => cidrsOverlap(s.cidr, pod.cidr));
  if (subnetHits.length) hits.push(describe(subnetHits));
  else {
    const spaceHits = (net.space ?? []).filter((s) => cidrsOverlap(s.cidr, pod.cidr));
    if (spaceHits.length) hits.push(`the VNet address space ${spaceHits.map((r) => cidrText(r.cidr)).join(', ')}`);
  }
  if (svc && cidrsOverlap(svc.cidr, pod.cidr)) hits.push(`${svc.implicit ? 'the default service_cidr' : 'service_cidr'} ${svc.text}`);
  if (hits.length) yield { messageId: 'podOverlaps', data: { pod: label, ranges: hits.join(' and ') }, ...where };
  if (!pod.implicit && !SUPPORTED_POD.some((s) => cidrContains(s, pod.cidr))) yield { messageId: 'podOutsideSupported', data: { cidr: pod.text }, ...where };
}

function* reserved(name: string, cidr: Cidr, file: string, range: TextRange): Generator<Report<Id>> {
  for (const r of RESERVED) {
    if (cidrsOverlap(r.cidr, cidr)) yield { messageId: 'reservedRange', data: { name, cidr: cidrText(cidr), reserved: `${cidrText(r.cidr)} (${r.note})` }, file, range };
  }
}

/** Inserts service_cidr = the first /16 of 172.16.0.0/12 clear of everything, and its .10 as dns_service_ip. */
function freeRangeFix(ctx: { getFile(p: string): SourceText | undefined }, cluster: TfResource, taken: readonly Cidr[]): Fix[] | undefined {
  const profile = cluster.block('network_profile');
  if (!profile || profile.attribute('dns_service_ip') || profile.attribute('service_cidrs')) return undefined;
  const file = ctx.getFile(profile.file);
  if (!file) return undefined;
  for (let i = 0; i < 16; i++) {
    const r = cidrSubnet(FREE_SERVICE_SPACE, 4, i);
    if (!r.ok) return undefined;
    const candidate = r.value;
    if ([...taken, ...RESERVED.map((x) => x.cidr)].some((t) => cidrsOverlap(t, candidate))) continue;
    const base = cidrText(candidate).split('/')[0].split('.');
    const dns = `${base[0]}.${base[1]}.0.10`;
    const edits = insertAttribute(file, profile.node, `dns_service_ip = "${dns}"`);
    const last = edits[edits.length - 1];
    const m = last && /^(\r?\n)([ \t]*)(dns_service_ip\s*) = /.exec(last.newText);
    if (!m) return undefined;
    const line = `${m[1]}${m[2]}${'service_cidr'.padEnd(m[3].length)} = "${cidrText(candidate)}"`;
    return [fix(`Set service_cidr = "${cidrText(candidate)}" and dns_service_ip = "${dns}"`, [...edits.slice(0, -1), { ...last, newText: line + last.newText }])];
  }
  return undefined;
}
