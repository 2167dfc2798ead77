import type { TfAttribute, TfModule, TfResource } from '../../model/terraform/model-types';
import { resourceTypeOf, trace, type TracedRef } from '../../model/identity/trace';
import { vnetOfSubnet } from '../../model/identity/traced-resource';

// Private-cluster DNS facts of an azurerm_kubernetes_cluster (aks-rules.md Lesson 6): whether it is private, what
// private_dns_zone_id names, and the VNet its nodes sit in. Unknown stays unknown; rules are silent on it.

export type Tri = boolean | undefined;

export type ZoneChoice =
  | { readonly kind: 'absent' }
  | { readonly kind: 'System' | 'None'; readonly attr: TfAttribute }
  /** a string that is none of the accepted values (case variants included) */
  | { readonly kind: 'invalid'; readonly attr: TfAttribute; readonly value: string }
  /** a literal private DNS zone resource ID */
  | { readonly kind: 'id'; readonly attr: TfAttribute; readonly value: string }
  /** azurerm_private_dns_zone.Z.id (traced through variables, locals, module outputs) */
  | { readonly kind: 'zone'; readonly attr: TfAttribute; readonly zone: TfResource; readonly ref: TracedRef }
  | { readonly kind: 'unknown'; readonly attr: TfAttribute };

export const ZONE_ID_RE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/i;

/** `private_cluster_enabled`: absent = false (azurerm default). */
export function isPrivate(cluster: TfResource): Tri {
  const a = cluster.attribute('private_cluster_enabled');
  if (!a) return false;
  return a.value.kind === 'bool' ? a.value.value : a.value.kind === 'null' ? false : undefined;
}

export function zoneChoice(cluster: TfResource): ZoneChoice {
  const attr = cluster.attribute('private_dns_zone_id');
  if (!attr || attr.value.kind === 'null') return { kind: 'absent' };
  const v = attr.value;
  if (v.kind === 'string') {
    if (v.value === 'System' || v.value === 'None') return { kind: v.value, attr };
    return ZONE_ID_RE.test(v.value) ? { kind: 'id', attr, value: v.value } : { kind: 'invalid', attr, value: v.value };
  }
  const t = trace(cluster.module, attr.expr, attr.file);
  if (t?.kind === 'ref' && resourceTypeOf(t.address) === 'azurerm_private_dns_zone' && t.path.join('.') === 'id' && !t.instance) {
    const zone = t.module.resource(t.address);
    if (zone && !zone.isCollection) return { kind: 'zone', attr, zone, ref: t };
  }
  return { kind: 'unknown', attr };
}

/** `West Europe` -> `westeurope` (how AKS writes regions in zone names). */
export function normalizeRegion(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

export interface VnetOfCluster {
  readonly vnet: TfResource;
  /** the module holding the VNet resource */
  readonly module: TfModule;
}

/**
 * The azurerm_virtual_network of the default pool's vnet_subnet_id: through azurerm_subnet.S.id and S's
 * virtual_network_name (= V.name), or an inline subnet of V (`V.subnet[*].id`). Undefined when not traceable.
 */
export function vnetOfCluster(cluster: TfResource): VnetOfCluster | undefined {
  const subnetId = cluster.attr('default_node_pool.vnet_subnet_id');
  if (!subnetId) return undefined;
  const t = trace(cluster.module, subnetId.expr, subnetId.file);
  if (t?.kind !== 'ref' || t.instance) return undefined;
  const type = resourceTypeOf(t.address);
  if (type === 'azurerm_virtual_network' && t.path[0] === 'subnet') return managed(t.module, t.address);
  if (type !== 'azurerm_subnet' || t.path.join('.') !== 'id') return undefined;
  const subnet = t.module.resource(t.address);
  const vnet = subnet && vnetOfSubnet(subnet);
  return vnet && { vnet, module: vnet.module };
}

function managed(module: TfModule, address: string): VnetOfCluster | undefined {
  const vnet = module.resource(address);
  return vnet && vnet.mode === 'managed' && !vnet.isCollection ? { vnet, module } : undefined;
}

/** True when `attr` traces to `<resource>.<attribute>` of exactly this resource. */
export function tracesTo(module: TfModule, attr: TfAttribute | undefined, resource: TfResource, attribute: string): boolean {
  if (!attr) return false;
  const t = trace(module, attr.expr, attr.file);
  return t?.kind === 'ref' && !t.instance && t.module === resource.module && t.address === resource.address && t.path.join('.') === attribute;
}

/** The first of `wanted` that no resource of `type` in the module is named yet (for resources a fix inserts). */
export function uniqueName(module: TfModule, type: string, wanted: readonly string[]): string | undefined {
  const taken = new Set(module.resourcesOfType(type).map((r) => r.name));
  return wanted.find((n) => !taken.has(n));
}
