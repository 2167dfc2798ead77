import type { TfResource } from '../../model/terraform/model-types';
import { clusterFacts } from '../../model/identity/cluster-facts';
import { defineRule, type Fix, type Report } from '../kit/define-rule';
import { fix, insertBlockAfter, replaceRange } from '../kit/fix';
import { eolOf, indentationAt } from '../kit/fix-text';
import { normalizeRegion, tracesTo, uniqueName, vnetOfCluster, zoneChoice } from './private-cluster';

// AKS-DNS-002 (aks-rules.md §4.6, Lesson 6 item 2): a BYO private DNS zone (private_dns_zone_id = azurerm_private_dns_zone.Z.id)
// must be named for AKS, in the cluster's region, used with a user-assigned control-plane identity, and linked to a VNet.

type Id = 'zoneName' | 'subzoneTooLong' | 'regionMismatch' | 'systemAssigned' | 'notLinked';

const ZONE_RE = /^(?:([a-z0-9-]+)\.)?(privatelink|private)\.([a-z0-9]+)\.azmk8s\.io$/;
const MAX_SUBZONE = 32;

export const rule = defineRule({
  code: 'AKS-DNS-002',
  name: 'private-dns-zone-byo',
  title: 'BYO private DNS zones are named for AKS and used with a user-assigned identity',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A custom private DNS zone must be named `privatelink.<region>.azmk8s.io` (or with a subzone), needs a user-assigned control-plane identity and a VNet link.',
    rationale:
      'From private-clusters.md: the zone for Azure public cloud is `privatelink.<region>.azmk8s.io` or `<subzone>.privatelink.<region>.azmk8s.io` ' +
      '(with API Server VNet integration `private.<region>.azmk8s.io`); "If you\'re specifying a subzone, there\'s a 32 character limit for the ' +
      '`<subzone>` name"; you "can\'t change or delete these resources after creating the cluster". azurerm rejects a system-assigned identity: ' +
      '"a user assigned identity or a service principal must be used when using a custom private dns zone". The identity also needs Private ' +
      'DNS Zone Contributor on the zone (AKS-RA-005).\n\n' +
      'A zone with no `azurerm_private_dns_zone_virtual_network_link` in the configuration is not resolvable from any VNet, so nodes and ' +
      'clients cannot resolve the API server (warning: the link may live in another configuration). Whether AKS rejects a zone whose ' +
      '`<region>` differs from the cluster location is **not verified** (the docs give only the pattern), so that check is a warning.',
    links: ['https://learn.microsoft.com/azure/aks/private-clusters', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster'],
  },
  messages: {
    zoneName: 'AKS private DNS zone must be named privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io, not "{name}".',
    subzoneTooLong: 'The subzone "{subzone}" has {length} characters; AKS allows at most 32.',
    regionMismatch: 'Zone region "{zoneRegion}" does not match cluster location "{region}".',
    systemAssigned:
      'A custom private DNS zone requires a user-assigned control-plane identity (azurerm: "a user assigned identity or a service principal must be used when using a custom private dns zone").',
    notLinked: 'Private DNS zone {zone} is not linked to any VNet in this configuration; nodes and clients won\'t resolve the API server.',
  },
  messageSeverity: { regionMismatch: 'warning', notLinked: 'warning' },
  fixable: true,
  *check(ctx) {
    const model = ctx.terraform();
    const links = model.resourcesOfType('azurerm_private_dns_zone_virtual_network_link');
    for (const cluster of model.resourcesOfType('azurerm_kubernetes_cluster')) {
      const choice = zoneChoice(cluster);
      if (choice.kind !== 'zone') continue;
      const zone = choice.zone;
      yield* nameReports(cluster, zone);
      const facts = clusterFacts(cluster);
      const type = facts.controlPlane.identityBlock?.attribute('type');
      if (facts.controlPlane.type === 'SystemAssigned' && !facts.controlPlane.servicePrincipalBlock && type) {
        const file = ctx.getFile(cluster.file);
        yield { messageId: 'systemAssigned', file: type.file, range: type.range, fixes: file ? userAssignedFix(file, cluster) : undefined };
      }
      if (isLinked(zone, links) === false) {
        const file = ctx.getFile(zone.file);
        yield {
          messageId: 'notLinked',
          data: { zone: zone.address },
          file: choice.attr.file,
          range: choice.attr.node.name.range,
          related: [{ file: zone.file, range: zone.nameRange, message: 'the private DNS zone' }],
          fixes: file ? linkFix(file, cluster, zone) : undefined,
        };
      }
    }
  },
});

function* nameReports(cluster: TfResource, zone: TfResource): Generator<Report<Id>> {
  const nameAttr = zone.attribute('name');
  const name = nameAttr?.value;
  if (!nameAttr || name?.kind !== 'string') return;
  const at = { file: nameAttr.file, range: nameAttr.expr.range };
  const m = ZONE_RE.exec(name.value.toLowerCase());
  const integration = cluster.attr('api_server_access_profile.virtual_network_integration_enabled') ?? cluster.attr('api_server_access_profile.vnet_integration_enabled');
  const vnetIntegration = integration ? (integration.value.kind === 'bool' ? integration.value.value : undefined) : false;
  if (!m || (vnetIntegration === false && m[2] === 'private') || (vnetIntegration === true && m[2] === 'privatelink')) {
    yield { messageId: 'zoneName', data: { name: name.value }, ...at };
    return;
  }
  if (m[1] && m[1].length > MAX_SUBZONE) yield { messageId: 'subzoneTooLong', data: { subzone: m[1], length: m[1].length }, ...at };
  const location = cluster.attribute('location')?.value;
  if (location?.kind === 'string' && normalizeRegion(location.value) !== m[3]) {
    yield { messageId: 'regionMismatch', data: { zoneRegion: m[3], region: normalizeRegion(location.value) }, ...at };
  }
}

/** false when no link in the workspace can name the zone; undefined when a link's zone name is not known. */
function isLinked(zone: TfResource, links: readonly TfResource[]): boolean | undefined {
  const zoneName = zone.attribute('name')?.value;
  let unsure = false;
  for (const link of links) {
    const attr = link.attribute('private_dns_zone_name');
    if (tracesTo(link.module, attr, zone, 'name')) return true;
    const v = attr?.value;
    if (v?.kind === 'string' && zoneName?.kind === 'string') {
      if (v.value.toLowerCase() === zoneName.value.toLowerCase()) return true;
    } else unsure = true;
  }
  return unsure ? undefined : false;
}

/** Replaces the identity block with a user-assigned one and adds an identity resource after the cluster. */
function userAssignedFix(file: { path: string; text: string }, cluster: TfResource): Fix[] | undefined {
  const identity = cluster.block('identity');
  const rg = cluster.attribute('resource_group_name');
  const location = cluster.attribute('location');
  const name = uniqueName(cluster.module, 'azurerm_user_assigned_identity', [`${cluster.name}_control_plane`, `${cluster.name}_cp`]);
  if (!identity || !rg || !location || !name || identity.file !== file.path) return undefined;
  const eol = eolOf(file.text);
  const indent = indentationAt(file.text, identity.range.start);
  const block = ['identity {', '  type         = "UserAssigned"', `  identity_ids = [azurerm_user_assigned_identity.${name}.id]`, '}']
    .map((l, i) => (i === 0 ? l : indent + l))
    .join(eol);
  const text = (a: { expr: { range: { start: number; end: number } } }) => file.text.slice(a.expr.range.start, a.expr.range.end);
  const uai = [
    `resource "azurerm_user_assigned_identity" "${name}" {`,
    `  name                = "id-${cluster.name}-control-plane"`,
    `  location            = ${text(location)}`,
    `  resource_group_name = ${text(rg)}`,
    '}',
  ].join('\n');
  return [fix('Use a user-assigned control-plane identity', replaceRange(file, identity.node.range, block), insertBlockAfter(file, cluster.node, uai))];
}

/** A VNet link for the zone to the cluster's VNet, when both are in the zone's module. */
function linkFix(file: { path: string; text: string }, cluster: TfResource, zone: TfResource): Fix[] | undefined {
  const vnet = vnetOfCluster(cluster);
  const name = uniqueName(zone.module, 'azurerm_private_dns_zone_virtual_network_link', ['aks', `${zone.name}_aks`]);
  if (!vnet || vnet.module !== zone.module || !name || !zone.attribute('resource_group_name')) return undefined;
  const snippet = [
    `resource "azurerm_private_dns_zone_virtual_network_link" "${name}" {`,
    '  name                  = "aks-dns-link"',
    `  resource_group_name   = ${zone.address}.resource_group_name`,
    `  private_dns_zone_name = ${zone.address}.name`,
    `  virtual_network_id    = ${vnet.vnet.address}.id`,
    '}',
  ].join('\n');
  return [fix(`Link the zone to ${vnet.vnet.address}`, insertBlockAfter(file, zone.node, snippet))];
}
