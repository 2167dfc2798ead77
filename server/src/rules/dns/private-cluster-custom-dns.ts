import type { TfAttribute, TfModule, TfResource } from '../../model/terraform/model-types';
import { defineRule, type CheckContext, type FileEdit, type Fix, type Report } from '../kit/define-rule';
import { perLinkedGroup } from '../kit/linked-groups';
import { fix, insertAttribute, insertBlockAfter, replaceRange } from '../kit/fix';
import { isLiteralScalar } from '../node/node-pools';
import { isPrivate, normalizeRegion, tracesTo, uniqueName, vnetOfCluster, zoneChoice } from './private-cluster';

// AKS-DNS-003 (aks-rules.md §4.6, Lesson 6 items 5-7): a private cluster with the AKS-managed (System) zone in a VNet
// whose DNS servers are custom. The zone is linked to the cluster VNet only; custom servers resolve it only if they
// forward it to Azure DNS, otherwise nodes cannot resolve the API server and provisioning fails.

const AZURE_DNS = '168.63.129.16';

export const rule = defineRule({
  code: 'AKS-DNS-003',
  name: 'private-cluster-custom-dns',
  title: 'Private clusters behind custom DNS servers resolve their private zone',
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A private cluster in a VNet with custom DNS servers fails to provision unless those servers forward its private DNS zone to Azure DNS.',
    rationale:
      'A private cluster\'s API server name lives in a private DNS zone (`privatelink.<region>.azmk8s.io`). With the default ' +
      '(`System`) zone, AKS links the zone only to the cluster VNet. When that VNet uses custom `dns_servers`, nodes ask those servers, ' +
      'which know nothing of the zone: "To use a custom DNS server, configure a conditional forwarder for the cluster\'s private DNS zone ' +
      'to the Azure DNS virtual server at 168.63.129.16. Alternatively, use Azure DNS Private Resolver in a VNet linked to the private DNS ' +
      'zone." "Conditional forwarding doesn\'t support subdomains." (private-clusters.md, "Hub and spoke with custom DNS").\n\n' +
      'Otherwise node provisioning fails with `VMExtensionError_K8SAPIServerDNSLookupFail` (exit status 52): "Agents are unable to ' +
      'resolve Kubernetes API server name. It\'s likely custom DNS server is not correctly configured". Terraform waits on the ' +
      'long-running create until AKS reports that failure. After fixing DNS, `az resource update --resource-group <rg> --name <cluster> ' +
      '--namespace Microsoft.ContainerService --resource-type ManagedClusters` reconciles the cluster.\n\n' +
      'In hub-and-spoke networks AKS also tries to link the zone to the spoke VNet, which "can fail if the cluster\'s managed identity lacks ' +
      'Network Contributor on the spoke VNet". Supported designs: a **BYO private DNS zone** (`private_dns_zone_id` = zone ID) linked to the ' +
      'hub VNet where the DNS forwarder lives, with a user-assigned identity holding Private DNS Zone Contributor (AKS-DNS-002, AKS-RA-005); ' +
      'or `"None"` with the public FQDN kept. Forwarders outside Terraform (on-premises) cannot be seen here, so this is a warning.',
    links: [
      'https://learn.microsoft.com/azure/aks/private-clusters#hub-and-spoke-with-custom-dns',
      'https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/error-codes/vmextensionerror-k8sapiserverdnslookupfail',
    ],
  },
  messages: {
    customDns:
      'Private cluster in a VNet with custom DNS servers ({servers}): unless those servers conditionally forward the cluster\'s private DNS zone ' +
      '(privatelink.{region}.azmk8s.io) to 168.63.129.16 (or use Azure DNS Private Resolver in a VNet linked to the zone), node provisioning fails ' +
      'with VMExtensionError_K8SAPIServerDNSLookupFail (exit 52). Consider a BYO private DNS zone linked to the DNS VNet.',
  },
  fixable: true,
  *check(ctx) {
    // per linked group (the cluster's VNet and its DNS servers are traced there), replayed while it is unchanged
    yield* perLinkedGroup(ctx.terraform().modules, 'AKS-DNS-003', (group) => checkGroup(ctx, group));
  },
});

function* checkGroup(ctx: CheckContext, modules: readonly TfModule[]): Generator<Report<'customDns'>> {
  for (const cluster of modules.flatMap((m) => m.resourcesOfType('azurerm_kubernetes_cluster'))) {
    const enabled = cluster.attribute('private_cluster_enabled');
    if (!enabled || isPrivate(cluster) !== true) continue;
    const zone = zoneChoice(cluster);
    if (zone.kind !== 'absent' && zone.kind !== 'System') continue;
    const found = vnetOfCluster(cluster);
    if (!found) continue;
    const servers = customServers(found.vnet, modules);
    if (!servers) continue;
    const location = cluster.attribute('location')?.value;
    const region = location?.kind === 'string' ? normalizeRegion(location.value) : undefined;
    const file = ctx.getFile(cluster.file);
    yield {
      messageId: 'customDns',
      data: { servers: servers.list.join(', '), region: region ?? '<region>' },
      file: cluster.file,
      range: enabled.node.name.range,
      related: [{ file: servers.attr.file, range: servers.attr.range, message: 'custom DNS servers of the cluster VNet' }],
      fixes: file && region ? byoZoneFix(file, cluster, region) : undefined,
    };
  }
}

/** The VNet's custom servers (inline dns_servers or an azurerm_virtual_network_dns_servers), when known and not Azure DNS. */
function customServers(vnet: TfResource, modules: readonly TfModule[]): { list: string[]; attr: TfAttribute } | undefined {
  const candidates: TfAttribute[] = [];
  const inline = vnet.attribute('dns_servers');
  if (inline) candidates.push(inline);
  for (const m of modules) {
    for (const r of m.resourcesOfType('azurerm_virtual_network_dns_servers')) {
      const servers = r.attribute('dns_servers');
      if (servers && tracesTo(m, r.attribute('virtual_network_id'), vnet, 'id')) candidates.push(servers);
    }
  }
  for (const attr of candidates) {
    const v = attr.value;
    if (v.kind !== 'list' && v.kind !== 'set') continue;
    const list = v.items.map((i) => (i.kind === 'string' ? i.value : undefined));
    if (list.includes(undefined) || list.length === 0) continue;
    const custom = (list as string[]).filter((s) => s.trim() !== AZURE_DNS);
    if (custom.length > 0) return { list: custom, attr };
  }
  return undefined;
}

/** "Use a BYO private DNS zone": a zone resource after the cluster, and private_dns_zone_id pointing at it. */
function byoZoneFix(file: { path: string; text: string }, cluster: TfResource, region: string): Fix[] | undefined {
  const rg = cluster.attribute('resource_group_name');
  if (!rg) return undefined;
  const name = uniqueName(cluster.module, 'azurerm_private_dns_zone', ['aks', `${cluster.name}_private`, `${cluster.name}_aks_private`]);
  if (!name) return undefined;
  const ref = `azurerm_private_dns_zone.${name}.id`;
  const zone = cluster.attribute('private_dns_zone_id');
  let setZone: FileEdit[] | undefined;
  if (!zone) setZone = insertAttribute(file, cluster.node, `private_dns_zone_id = ${ref}`);
  else if (isLiteralScalar(zone.expr)) setZone = [replaceRange(file, zone.expr.range, ref)];
  if (!setZone?.length) return undefined;
  const rgText = file.text.slice(rg.expr.range.start, rg.expr.range.end);
  const snippet = [
    `resource "azurerm_private_dns_zone" "${name}" {`,
    `  name                = "privatelink.${region}.azmk8s.io"`,
    `  resource_group_name = ${rgText}`,
    '}',
  ].join('\n');
  return [fix('Use a BYO private DNS zone (link it to the DNS VNet; needs a user-assigned identity and roles)', setZone, insertBlockAfter(file, cluster.node, snippet))];
}
