import type { TfAttribute, TfBlock, TfModule, TfResource } from '../../model/terraform/model-types';
import type { TfValue } from '../../model/terraform/value';
import { trace } from '../../model/identity/trace';
import { tracedResource, vnetOfSubnet } from '../../model/identity/traced-resource';
import { formatCidr, parseCidr, type Cidr } from '../../model/net/cidr';
import { NETWORK_DEFAULTS, type PodIpMode } from '../../model/azure/network-constants';
import { NETWORK_PROFILE_DEFAULTS } from '../../model/azure/network-plugins';
import { memoWithReads, type WithReads } from '../../model/terraform/attribute-reads';

// Network facts of an azurerm_kubernetes_cluster for the NET rules (aks-rules.md §4.5): network_profile values,
// effective CIDRs (explicit or AKS's implicit default, marked as such) and the node pools attached to the cluster.
// A value that is written but not statically known is 'unknown'; rules stay silent on it.

export type Known<T> = { readonly kind: 'absent' } | { readonly kind: 'unknown'; readonly attr?: TfAttribute } | { readonly kind: 'known'; readonly attr: TfAttribute; readonly value: T };

export function stringAttr(block: TfBlock | undefined, name: string): Known<string> {
  const attr = block?.attribute(name);
  if (!attr || attr.value.kind === 'null') return { kind: 'absent' };
  return attr.value.kind === 'string' ? { kind: 'known', attr, value: attr.value.value } : { kind: 'unknown', attr };
}

export function numberAttr(block: TfBlock | undefined, name: string): Known<number> {
  const attr = block?.attribute(name);
  if (!attr || attr.value.kind === 'null') return { kind: 'absent' };
  const v = attr.value;
  if (v.kind === 'number') return { kind: 'known', attr, value: v.value };
  if (v.kind === 'string' && /^\d+$/.test(v.value)) return { kind: 'known', attr, value: Number(v.value) };
  return { kind: 'unknown', attr };
}

export function boolAttr(block: TfBlock | undefined, name: string): Known<boolean> {
  const attr = block?.attribute(name);
  if (!attr || attr.value.kind === 'null') return { kind: 'absent' };
  const v = attr.value;
  if (v.kind === 'bool') return { kind: 'known', attr, value: v.value };
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return { kind: 'known', attr, value: v.value === 'true' };
  return { kind: 'unknown', attr };
}

/** A CIDR the cluster uses: written (with the attribute) or AKS's implicit default. */
export interface EffectiveCidr {
  readonly cidr: Cidr;
  readonly text: string;
  /** undefined for an implicit default */
  readonly attr: TfAttribute | undefined;
  readonly implicit: boolean;
}

export interface NodePoolFacts {
  readonly cluster: TfResource;
  /** default_node_pool block or the azurerm_kubernetes_cluster_node_pool resource */
  readonly block: TfBlock;
  readonly module: TfModule;
  readonly name: string;
  readonly isDefault: boolean;
}

/** The cluster's default pool and every azurerm_kubernetes_cluster_node_pool whose kubernetes_cluster_id traces to it. */
export function poolsOf(cluster: TfResource, modules: readonly TfModule[]): readonly NodePoolFacts[] {
  // asked per cluster by several rules in each run: made once per cluster and module list
  let byCluster = poolFacts.get(modules);
  if (!byCluster) poolFacts.set(modules, (byCluster = new Map()));
  return memoWithReads(byCluster, cluster, () => makePools(cluster, modules));
}

const poolFacts = new WeakMap<readonly TfModule[], Map<TfResource, WithReads<readonly NodePoolFacts[]>>>();

function makePools(cluster: TfResource, modules: readonly TfModule[]): readonly NodePoolFacts[] {
  const out: NodePoolFacts[] = [];
  const def = cluster.block('default_node_pool');
  if (def) out.push({ cluster, block: def, module: cluster.module, name: poolName(def, 'default'), isDefault: true });
  for (const { module, pool } of poolsByCluster(modules).get(cluster.module)?.get(cluster.address) ?? []) {
    out.push({ cluster, block: pool, module, name: poolName(pool, pool.name), isDefault: false });
  }
  return out;
}

type PoolIndex = Map<TfModule, Map<string, { module: TfModule; pool: TfResource }[]>>;

// poolsOf runs per cluster and rule: scanning every pool for each cluster was quadratic in a module with many
// clusters. The pools are grouped by the cluster their kubernetes_cluster_id names, once per module list, in order.
const poolIndexes = new WeakMap<readonly TfModule[], WithReads<PoolIndex>>();

function poolsByCluster(modules: readonly TfModule[]): PoolIndex {
  return memoWithReads(poolIndexes, modules, () => indexPools(modules));
}

function indexPools(modules: readonly TfModule[]): PoolIndex {
  const index: PoolIndex = new Map();
  for (const module of modules) {
    for (const r of module.resourcesOfType('azurerm_kubernetes_cluster_node_pool')) {
      const t = clusterIdOf(module, r);
      if (t?.kind !== 'ref' || t.instance || t.path.length !== 1 || t.path[0] !== 'id' || r.isCollection) continue;
      let byAddress = index.get(t.module);
      if (!byAddress) index.set(t.module, (byAddress = new Map()));
      const list = byAddress.get(t.address);
      if (list) list.push({ module, pool: r });
      else byAddress.set(t.address, [{ module, pool: r }]);
    }
  }
  return index;
}

// poolsOf runs per cluster and rule over every node pool: each pool's kubernetes_cluster_id is traced once per
// resource instance (a new model recomputes). null = no attribute.
const clusterIds = new WeakMap<TfResource, WithReads<ReturnType<typeof trace> | null>>();

function clusterIdOf(module: TfModule, r: TfResource): ReturnType<typeof trace> | undefined {
  const t = memoWithReads(clusterIds, r, () => {
    const id = r.attribute('kubernetes_cluster_id');
    return (id && trace(module, id.expr, id.file)) ?? null;
  });
  return t ?? undefined;
}

function poolName(block: TfBlock, fallback: string): string {
  const v = block.attribute('name')?.value;
  return v?.kind === 'string' ? v.value : fallback;
}

/** The cluster's network plugin: written, or kubenet when there is no network_profile block (azurerm default). */
export function pluginOf(cluster: TfResource): Known<string> | { readonly kind: 'default'; readonly value: string } {
  const profile = cluster.block('network_profile');
  if (!profile) return cluster.hasDynamic('network_profile') ? { kind: 'unknown' } : { kind: 'default', value: NETWORK_PROFILE_DEFAULTS.pluginWithoutProfile };
  return stringAttr(profile, 'network_plugin');
}

/** How pods get IPs for one pool; undefined when not statically known or BYO CNI (`none`). */
export function podIpModeOf(cluster: TfResource, pool: TfBlock | undefined): PodIpMode | undefined {
  const plugin = pluginOf(cluster);
  if (plugin.kind !== 'known' && plugin.kind !== 'default') return undefined;
  if (plugin.value === 'kubenet') return 'kubenet';
  if (plugin.value !== 'azure') return undefined;
  const mode = stringAttr(cluster.block('network_profile'), 'network_plugin_mode');
  if (mode.kind === 'unknown') return undefined;
  if (mode.kind === 'known') return mode.value === 'overlay' ? 'azure-cni-overlay' : undefined;
  const podSubnet = pool?.attribute('pod_subnet_id');
  if (podSubnet && podSubnet.value.kind !== 'null') return 'azure-cni-pod-subnet';
  return 'azure-cni-node-subnet';
}

/** The IPv4 CIDR of a string or of the first IPv4 entry of a list; 'unknown' when not statically known. */
function ipv4Cidr(v: TfValue): Cidr | 'unknown' | 'invalid' {
  if (v.kind === 'string') {
    const c = parseCidr(v.value);
    return c ? (c.family === 4 ? c : 'invalid') : 'invalid';
  }
  if (v.kind === 'list' || v.kind === 'set') {
    for (const item of v.items) {
      if (item.kind !== 'string') return 'unknown';
      const c = parseCidr(item.value);
      if (c?.family === 4) return c;
    }
    return 'invalid';
  }
  return 'unknown';
}

/**
 * The effective IPv4 service CIDR: service_cidr / service_cidrs when written, else the AKS default 10.0.0.0/16.
 * Undefined when written but not known or not a valid IPv4 CIDR (NET-002 reports the latter).
 */
export function serviceCidrOf(cluster: TfResource): EffectiveCidr | undefined {
  const profile = cluster.block('network_profile');
  if (!profile && cluster.hasDynamic('network_profile')) return undefined;
  const attr = profile?.attribute('service_cidr') ?? profile?.attribute('service_cidrs');
  return effective(attr, NETWORK_DEFAULTS.serviceCidr);
}

/** The effective IPv4 pod CIDR for kubenet / Overlay (default 10.244.0.0/16); undefined for other modes or Unknown. */
export function podCidrOf(cluster: TfResource): EffectiveCidr | undefined {
  const mode = podIpModeOf(cluster, cluster.block('default_node_pool'));
  if (mode !== 'kubenet' && mode !== 'azure-cni-overlay') return undefined;
  const profile = cluster.block('network_profile');
  const attr = profile?.attribute('pod_cidr') ?? profile?.attribute('pod_cidrs');
  return effective(attr, NETWORK_DEFAULTS.podCidr);
}

function effective(attr: TfAttribute | undefined, fallback: string): EffectiveCidr | undefined {
  if (!attr || attr.value.kind === 'null') return { cidr: parseCidr(fallback)!, text: fallback, attr: undefined, implicit: true };
  const c = ipv4Cidr(attr.value);
  if (c === 'unknown' || c === 'invalid') return undefined;
  return { cidr: c, text: cidrText(c), attr, implicit: false };
}

export const cidrText = formatCidr;

/** An azurerm_subnet resource a pool attribute (vnet_subnet_id / pod_subnet_id) traces to, by `<S>.id`. */
export function subnetOf(module: TfModule, attr: TfAttribute | undefined): TfResource | undefined {
  return tracedResource(module, attr, 'azurerm_subnet', 'id');
}

/** The subnet's IPv4 prefixes (address_prefixes, or v2's address_prefix); undefined when any is not known. */
export function subnetCidrs(block: TfBlock): { readonly attr: TfAttribute; readonly cidrs: readonly Cidr[] } | undefined {
  // several NET rules ask per cluster and subnet in every run; a pure function of the block
  return memoWithReads(cidrsByBlock, block, () => readSubnetCidrs(block));
}

const cidrsByBlock = new WeakMap<TfBlock, WithReads<{ readonly attr: TfAttribute; readonly cidrs: readonly Cidr[] } | undefined>>();

function readSubnetCidrs(block: TfBlock): { attr: TfAttribute; cidrs: Cidr[] } | undefined {
  const attr = block.attribute('address_prefixes') ?? block.attribute('address_prefix');
  if (!attr) return undefined;
  const v = attr.value;
  const items = v.kind === 'string' ? [v] : v.kind === 'list' || v.kind === 'set' ? v.items : undefined;
  if (!items || items.length === 0) return undefined;
  const cidrs: Cidr[] = [];
  for (const item of items) {
    if (item.kind !== 'string') return undefined;
    const c = parseCidr(item.value);
    if (!c) return undefined;
    if (c.family === 4) cidrs.push(c);
  }
  return cidrs.length ? { attr, cidrs } : undefined;
}

export { vnetOfSubnet };

export interface NamedRange {
  readonly label: string;
  readonly cidr: Cidr;
  readonly attr: TfAttribute;
}

/** A VNet's address_space and every subnet in it (azurerm_subnet resources in any module, and inline subnet blocks). */
export function vnetRanges(vnet: TfResource, modules: readonly TfModule[]): { space: NamedRange[] | undefined; subnets: NamedRange[] } {
  const spaceAttr = vnet.attribute('address_space');
  let space: NamedRange[] | undefined;
  const sv = spaceAttr?.value;
  if (spaceAttr && (sv?.kind === 'list' || sv?.kind === 'set') && sv.items.every((i) => i.kind === 'string')) {
    space = sv.items.map((i) => parseCidr((i as { value: string }).value)).filter((c): c is Cidr => c?.family === 4).map((cidr) => ({ label: `VNet ${vnet.address}`, cidr, attr: spaceAttr }));
  }
  const subnets: NamedRange[] = [];
  for (const inline of vnet.blocks('subnet')) {
    const got = subnetCidrs(inline);
    const name = inline.attribute('name')?.value;
    for (const cidr of got?.cidrs ?? []) subnets.push({ label: `subnet ${name?.kind === 'string' ? name.value : vnet.address}`, cidr, attr: got!.attr });
  }
  for (const s of subnetsOfVnet(vnet, modules)) {
    const got = subnetCidrs(s);
    for (const cidr of got?.cidrs ?? []) subnets.push({ label: `subnet ${s.address}`, cidr, attr: got!.attr });
  }
  return { space, subnets };
}

// vnetRanges runs per cluster: tracing every subnet's virtual_network_name on each call made NET-003 cubic in a module
// with many clusters. Subnets are grouped by VNet once per module list (a new model brings a new list), in module order.
const subnetsByVnet = new WeakMap<readonly TfModule[], WithReads<Map<TfResource, TfResource[]>>>();

function subnetsOfVnet(vnet: TfResource, modules: readonly TfModule[]): readonly TfResource[] {
  const index = memoWithReads(subnetsByVnet, modules, () => {
    const index = new Map<TfResource, TfResource[]>();
    for (const module of modules) {
      for (const s of module.resourcesOfType('azurerm_subnet')) {
        const v = s.isCollection ? undefined : vnetOfSubnet(s);
        if (!v) continue;
        const list = index.get(v);
        if (list) list.push(s);
        else index.set(v, [s]);
      }
    }
    return index;
  });
  return index.get(vnet) ?? [];
}
