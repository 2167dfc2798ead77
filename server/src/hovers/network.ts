import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import type { TfAttribute, TfModule, TfResource } from '../model/terraform/model-types';
import { addressCount, lastAddress, type Cidr } from '../model/net/cidr';
import { formatIp } from '../model/net/ip-address';
import { AZURE_SUBNET, DEFAULT_MAX_PODS, usableSubnetIps } from '../model/azure/network-constants';
import { NETWORK_PROFILE_VALUES, type NetworkProfileField } from '../model/azure/network-plugins';
import { cidrText, podCidrOf, poolsOf, serviceCidrOf, subnetCidrs, subnetOf, type EffectiveCidr } from '../rules/net/cluster-network';
import { nodesText, poolSizing } from '../rules/net/pool-sizing';

// Hovers for pod networking (AKS-NET-001..005): network_profile attributes with their evaluated values and the IP
// numbers behind them, and azurerm_subnet address_prefixes with usable IPs and the pools that draw on them.

type Hover = { markdown: string; range: TextRange };

const PLAN_SOURCE = 'Source: MicrosoftDocs/azure-aks-docs articles/aks/concepts-network-ip-address-planning.md';

const PLUGIN_TABLE = [
  '| | node IPs | pod IPs | default max pods | notes |',
  '|---|---|---|---|---|',
  `| kubenet | subnet | pod_cidr, /24 per node (NAT) | ${DEFAULT_MAX_PODS.kubenet} | route table required, max 400 nodes, retires 2028-03-31 |`,
  `| Azure CNI (node subnet) | subnet | subnet | ${DEFAULT_MAX_PODS['azure-cni-node-subnet']} | subnet needs (N + surge) × (max_pods + 1) |`,
  `| Azure CNI Pod Subnet | subnet | pod subnet, batches of 16 | ${DEFAULT_MAX_PODS['azure-cni-pod-subnet']} | pod_subnet_id on each pool |`,
  `| Azure CNI Overlay | subnet | pod_cidr, /24 per node | ${DEFAULT_MAX_PODS['azure-cni-overlay']} | network_plugin_mode = "overlay" |`,
].join('\n');

const NOTES: Readonly<Record<string, string>> = {
  network_plugin: PLUGIN_TABLE,
  network_plugin_mode: '`overlay` (with `network_plugin = "azure"`): pods get IPs from `pod_cidr` (default 10.244.0.0/16), one /24 per node.',
  network_policy: '`azure` (Azure NPM) needs the `azure` plugin; its support ends 2026-09-30 on Windows and 2028-09-30 on Linux nodes. `cilium` needs `network_data_plane = "cilium"`.',
  network_data_plane: '`cilium` needs `network_plugin_mode = "overlay"` or a `pod_subnet_id`. Default `azure`.',
};

export function hoverNetwork(ws: Workspace, file: string, offset: number): Hover | undefined {
  const modules = ws.terraform().modules;
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      const profile = cluster.block('network_profile');
      const attr = profile?.attributes().find((a) => a.file === file && inside(a.range, offset));
      if (attr) {
        const md = profileHover(cluster, attr);
        if (md) return { markdown: md, range: attr.range };
      }
    }
    for (const subnet of module.resourcesOfType('azurerm_subnet')) {
      const got = subnetCidrs(subnet);
      if (got && got.attr.file === file && inside(got.attr.range, offset)) return { markdown: subnetHover(subnet, got.cidrs, modules), range: got.attr.range };
    }
  }
  return undefined;
}

function profileHover(cluster: TfResource, attr: TfAttribute): string | undefined {
  const name = attr.name;
  const value = attr.value.kind === 'string' ? `\`${attr.value.value}\`` : 'not known statically';
  if (name in NETWORK_PROFILE_VALUES) {
    const allowed = NETWORK_PROFILE_VALUES[name as NetworkProfileField].map((v) => `\`${v}\``).join(', ');
    return [`**${name}** = ${value}`, '', `Allowed (case-sensitive): ${allowed}.`, '', NOTES[name], '', 'Source: hashicorp/terraform-provider-azurerm website/docs/r/kubernetes_cluster.html.markdown'].join('\n');
  }
  if (name === 'service_cidr' || name === 'service_cidrs') {
    const svc = serviceCidrOf(cluster);
    if (!svc || svc.implicit) return unknownValue(name);
    const k8s = formatIp({ family: 4, value: svc.cidr.network + 1n });
    const dns = formatIp({ family: 4, value: svc.cidr.network + 10n });
    return [
      `**${name}** = \`${svc.text}\``,
      '',
      rangeLine(svc.cidr),
      `- \`${k8s}\` is the kubernetes.default Service IP; conventional \`dns_service_ip\`: \`${dns}\``,
      '- Must be smaller than /12, outside the VNet, peered networks and on-premises ranges; not 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24. Default 10.0.0.0/16.',
      '',
      PLAN_SOURCE,
    ].join('\n');
  }
  if (name === 'dns_service_ip') {
    return [`**dns_service_ip** = ${value}`, '', 'Must lie inside `service_cidr` and not be its first address (network + 1 is the kubernetes.default Service IP); by convention the .10 address. Default 10.0.0.10.', '', 'Source: MicrosoftDocs/azure-aks-docs articles/aks/concepts-network-legacy-cni.md'].join('\n');
  }
  if (name === 'pod_cidr' || name === 'pod_cidrs') {
    const pod: EffectiveCidr | undefined = podCidrOf(cluster);
    if (!pod || pod.implicit) return unknownValue(name);
    const nodes = pod.cidr.prefix > 24 ? 0 : 2 ** (24 - pod.cidr.prefix);
    return [`**${name}** = \`${pod.text}\``, '', rangeLine(pod.cidr), `- One /24 per node (kubenet, Overlay): room for **${nodes} nodes**`, '- Must not overlap the VNet, its subnets, peered networks or `service_cidr`. Default 10.244.0.0/16.', '', 'Source: MicrosoftDocs/azure-aks-docs articles/aks/concepts-network-azure-cni-overlay.md'].join('\n');
  }
  return undefined;
}

function unknownValue(name: string): string {
  return `**${name}**: value not known statically.\n\n${PLAN_SOURCE}`;
}

function rangeLine(c: Cidr): string {
  const first = formatIp({ family: 4, value: c.network });
  const last = formatIp({ family: 4, value: lastAddress(c) });
  return `- ${addressCount(c).toLocaleString('en-US')} addresses: \`${first}\` – \`${last}\``;
}

function subnetHover(subnet: TfResource, cidrs: readonly Cidr[], modules: readonly TfModule[]): string {
  const lines = [`**${subnet.address}** address_prefixes`, ''];
  for (const c of cidrs) lines.push(`${rangeLine(c)}; **${usableSubnetIps(c.prefix).toLocaleString('en-US')} usable** (Azure reserves ${AZURE_SUBNET.reservedIpsPerSubnet}: .0, .1, .2, .3 and the last)`);
  const uses: string[] = [];
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      for (const pool of poolsOf(cluster, modules)) {
        if (subnetOf(pool.module, pool.block.attribute('vnet_subnet_id')) !== subnet) continue;
        const s = poolSizing(pool);
        if (!s) uses.push(`- pool "${pool.name}": size not known statically`);
        else if (s.mode === 'azure-cni-node-subnet') uses.push(`- pool "${pool.name}": (${nodesText(s)}) × (${s.maxPods} + 1) = ${(s.nodes + s.surge) * (s.maxPods + 1)} IPs (Azure CNI)`);
        else uses.push(`- pool "${pool.name}": ${nodesText(s)} = ${s.nodes + s.surge} IPs`);
      }
    }
  }
  if (uses.length) lines.push('', 'Node pools in this subnet:', ...uses);
  lines.push('', `Azure CNI (node subnet) needs (nodes + surge) × (max_pods + 1): 50 nodes, surge 1, 30 pods → 1,581 → /21. ${cidrs.map(cidrText).join(', ')}.`, '', `${PLAN_SOURCE}; MicrosoftDocs/azure-docs articles/virtual-network/virtual-networks-faq.md`);
  return lines.join('\n');
}

const inside = (r: TextRange, offset: number): boolean => r.start <= offset && offset <= r.end;
