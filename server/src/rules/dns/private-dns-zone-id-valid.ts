import { defineRule } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange } from '../kit/fix';
import { isLiteralScalar } from '../node/node-pools';
import { isPrivate, zoneChoice } from './private-cluster';

// AKS-DNS-001 (aks-rules.md §4.6, Lesson 6 items 1, 3, 4): private_dns_zone_id values and the attributes that go with them.

export const rule = defineRule({
  code: 'AKS-DNS-001',
  name: 'private-dns-zone-id-valid',
  title: 'private_dns_zone_id has a valid value and matching companions',
  severity: 'error',
  category: 'correctness',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: '`private_dns_zone_id` accepts only "System", "None" or a private DNS zone ID, and each choice needs the right companion settings.',
    rationale:
      'azurerm validates `private_dns_zone_id` as a private DNS zone resource ID or exactly `"System"` or `"None"` (case-sensitive; ' +
      '`kubernetes_cluster_resource.go`). It forces a new cluster when changed. The values mean:\n\n' +
      '| Value | Meaning |\n|---|---|\n' +
      '| `System` (default for a private cluster) | AKS creates the private zone in the node resource group |\n' +
      '| `None` | no private zone: "you will need to bring your own DNS server and set up resolving"; needs the public FQDN |\n' +
      '| zone ID | bring your own zone (see AKS-DNS-002, AKS-RA-005) |\n\n' +
      '"Setting `privateDNSZone` to `none` **and** `--disable-public-fqdn` at the same time isn\'t supported" (private-clusters.md), and ' +
      'azurerm\'s `private_cluster_public_fqdn_enabled` defaults to `false` (reported as a warning when the attribute is absent, because ' +
      'Microsoft\'s own Terraform sample for `None` leaves it out; as an error when it is set to `false`). `dns_prefix_private_cluster` "should only be set for private ' +
      'cluster with custom private dns zone", and a cluster needs `dns_prefix` or `dns_prefix_private_cluster`.',
    links: ['https://learn.microsoft.com/azure/aks/private-clusters', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster'],
  },
  messages: {
    invalidValue: 'private_dns_zone_id must be "System", "None" or a private DNS zone resource ID, not "{value}".',
    wrongCase: 'azurerm validates private_dns_zone_id case-sensitively; use "{wanted}", not "{value}".',
    notPrivate: 'private_dns_zone_id only applies to private clusters (private_cluster_enabled is not true).',
    noneNeedsPublicFqdn:
      'private_dns_zone_id = "None" with the public FQDN disabled is not supported; set private_cluster_public_fqdn_enabled = true or use "System"/a custom zone.',
    noneDefaultFqdn:
      'private_dns_zone_id = "None" with the public FQDN disabled is not supported, and private_cluster_public_fqdn_enabled defaults to false in azurerm; set it to true or use "System"/a custom zone.',
    prefixNeedsCustomZone: 'dns_prefix_private_cluster should only be set for a private cluster with a custom private DNS zone (azurerm); use dns_prefix.',
    noDnsPrefix: 'Cluster "{cluster}" needs either dns_prefix or dns_prefix_private_cluster (azurerm: "You must define either a dns_prefix or a dns_prefix_private_cluster field").',
  },
  messageSeverity: { notPrivate: 'warning', noneDefaultFqdn: 'warning' },
  fixable: true,
  *check(ctx) {
    const file = ctx.file;
    // the file's module only: an edit elsewhere does not re-run this file (clusters are declared in their module's files)
    for (const cluster of ctx.terraformModuleOf(file.path)?.resourcesOfType('azurerm_kubernetes_cluster') ?? []) {
      if (cluster.file !== file.path) continue;
      const priv = isPrivate(cluster);
      const zone = zoneChoice(cluster);
      // Partial blocks that only reference an existing cluster (no default_node_pool) are illustrations, not configurations.
      const complete = cluster.block('default_node_pool') || cluster.hasDynamic('default_node_pool');
      if (complete && !cluster.attribute('dns_prefix') && !cluster.attribute('dns_prefix_private_cluster')) {
        yield { messageId: 'noDnsPrefix', data: { cluster: cluster.name }, file: file.path, range: cluster.nameRange };
      }
      if (zone.kind === 'invalid') {
        const wanted = zone.value.toLowerCase() === 'system' ? 'System' : zone.value.toLowerCase() === 'none' ? 'None' : undefined;
        const range = zone.attr.file === file.path && isLiteralScalar(zone.attr.expr) ? zone.attr.expr.range : zone.attr.node.name.range;
        if (wanted) {
          const fixes = isLiteralScalar(zone.attr.expr) ? [fix(`Use "${wanted}"`, replaceRange(file, zone.attr.expr.range, `"${wanted}"`))] : undefined;
          yield { messageId: 'wrongCase', data: { wanted, value: zone.value }, file: file.path, range, fixes };
        } else yield { messageId: 'invalidValue', data: { value: zone.value }, file: file.path, range };
      }
      if (zone.kind !== 'absent' && priv === false) {
        yield { messageId: 'notPrivate', file: file.path, range: zone.attr.node.name.range };
      }
      if (zone.kind === 'None' && priv === true) {
        const fqdn = cluster.attribute('private_cluster_public_fqdn_enabled');
        if (!fqdn) {
          const edits = insertAttribute(file, cluster.node, 'private_cluster_public_fqdn_enabled = true');
          // warning: Microsoft's own Terraform sample for "None" (private-clusters.md) leaves the attribute out
          yield { messageId: 'noneDefaultFqdn', file: file.path, range: zone.attr.node.name.range, fixes: edits.length ? [fix('Set private_cluster_public_fqdn_enabled = true', edits)] : undefined };
        } else if (fqdn.value.kind === 'bool' && !fqdn.value.value) {
          const fixes = fqdn.expr.kind === 'Bool' ? [fix('Set private_cluster_public_fqdn_enabled = true', replaceRange(file, fqdn.expr.range, 'true'))] : undefined;
          yield { messageId: 'noneNeedsPublicFqdn', file: file.path, range: zone.attr.node.name.range, fixes };
        }
      }
      const prefix = cluster.attribute('dns_prefix_private_cluster');
      const customZone = zone.kind === 'zone' || zone.kind === 'id';
      if (prefix && prefix.value.kind !== 'null' && (priv === false || (priv === true && !customZone && zone.kind !== 'unknown'))) {
        yield { messageId: 'prefixNeedsCustomZone', file: file.path, range: prefix.node.name.range };
      }
    }
  },
});
