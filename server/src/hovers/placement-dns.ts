import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import type { TfAttribute } from '../model/terraform/model-types';
import { nodePools } from '../rules/node/node-pools';
import { zoneChoice } from '../rules/dns/private-cluster';

// Hover on node placement (zones, proximity_placement_group_id) and on private_dns_zone_id: what the value means and
// the constraints behind AKS-NODE-001/002 and AKS-DNS-001..003 (aks-rules.md Lessons 4 and 6).

type Hover = { markdown: string; range: TextRange };

const PLACEMENT_SOURCE = 'Source: MicrosoftDocs/azure-aks-docs articles/aks/reduce-latency-ppg.md, reliability-availability-zones-configure.md';
const DNS_SOURCE = 'Source: MicrosoftDocs/azure-aks-docs articles/aks/private-clusters.md';

const ZONES = [
  '**zones**: availability zones of the node pool; `["1", "2", "3"]` survives a zone outage.',
  '',
  '- "You can\'t change the number of availability zones after you create a node pool": azurerm rotates the pool ' +
    '(`temporary_name_for_rotation` is needed on `default_node_pool`).',
  '- Needs Virtual Machine Scale Sets and the standard load balancer; the VM size must be offered in those zones (`az aks list-vm-skus`).',
  '- With a proximity placement group: exactly one zone, the group\'s.',
].join('\n');

const PPG = [
  '**proximity_placement_group_id**',
  '',
  '- "A proximity placement group can map to only *one* availability zone."',
  '- "A node pool must use Virtual Machine Scale Sets to associate a proximity placement group."',
  '- "A node pool can associate a proximity placement group at node pool create time only." (ForceNew)',
  '- "You can associate multiple node pools with a single proximity placement group."',
  '',
  'Recommended: system pool across three zones without a PPG; one user pool per zone, each with its own PPG.',
].join('\n');

const DNS_VALUES: Readonly<Record<string, string>> = {
  System: '`System` (default for private clusters): AKS creates the private zone in the node resource group and links it to the cluster VNet only; custom DNS servers must forward it to 168.63.129.16.',
  None: '`None`: no private zone; "you will need to bring your own DNS server and set up resolving"; needs `private_cluster_public_fqdn_enabled = true`.',
  zone: 'A private DNS zone ID (bring your own): named `privatelink.<region>.azmk8s.io` (or `<subzone>.`…), needs a user-assigned control-plane identity with Private DNS Zone Contributor, and VNet links.',
};

export function hoverPlacementDns(ws: Workspace, file: string, offset: number): Hover | undefined {
  if (!file.endsWith('.tf')) return undefined;
  const model = ws.terraform();
  for (const pool of nodePools(model.modules)) {
    if (pool.block.file !== file) continue;
    if (inName(pool.zones, offset)) return { markdown: `${ZONES}\n\n${PLACEMENT_SOURCE}`, range: pool.zones!.node.name.range };
    if (inName(pool.ppg, offset)) return { markdown: `${PPG}\n\n${PLACEMENT_SOURCE}`, range: pool.ppg!.node.name.range };
  }
  for (const cluster of model.resourcesOfType('azurerm_kubernetes_cluster')) {
    const attr = cluster.attribute('private_dns_zone_id');
    if (cluster.file !== file || !attr || !inName(attr, offset)) continue;
    const choice = zoneChoice(cluster);
    const current =
      choice.kind === 'System' || choice.kind === 'None' ? DNS_VALUES[choice.kind]
      : choice.kind === 'zone' || choice.kind === 'id' ? DNS_VALUES.zone
      : choice.kind === 'invalid' ? `\`${choice.value}\` is not accepted: use exactly "System", "None" (case-sensitive) or a zone ID.`
      : undefined;
    const lines = ['**private_dns_zone_id** (ForceNew)', ''];
    if (current) lines.push(`This value: ${current}`, '');
    lines.push('Accepted values:', '', `- ${DNS_VALUES.System}`, `- ${DNS_VALUES.None}`, `- ${DNS_VALUES.zone}`, '', DNS_SOURCE);
    return { markdown: lines.join('\n'), range: attr.node.name.range };
  }
  return undefined;
}

function inName(attr: TfAttribute | undefined, offset: number): boolean {
  return !!attr && attr.node.name.range.start <= offset && offset <= attr.node.name.range.end;
}
