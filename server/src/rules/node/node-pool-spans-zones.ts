import { defineRule, type FileEdit, type Fix } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange } from '../kit/fix';
import { isLiteralList, knownZones, nodePools, type NodePool } from './node-pools';

// AKS-NODE-001 (aks-rules.md §4.4, Lesson 4 item 1): a node pool that is not spread over zones 1, 2 and 3.
// Pools with a proximity placement group are single-zone by design (AKS-NODE-002 covers them).

const ALL_ZONES = '["1", "2", "3"]';

export const rule = defineRule({
  code: 'AKS-NODE-001',
  name: 'node-pool-spans-zones',
  title: 'Node pools are spread over three availability zones',
  severity: 'info',
  category: 'reliability',
  scope: 'file',
  fileKinds: ['terraform'],
  docs: {
    summary: 'A node pool without `zones = ["1", "2", "3"]` puts all its nodes at the mercy of one zone outage.',
    rationale:
      'AKS node pools can span availability zones (`--zones 1 2 3`, reliability-zone-resiliency-recommendations.md). ' +
      '"You can\'t change the number of availability zones after you create a node pool" (reliability-availability-zones-configure.md): ' +
      'azurerm rotates the pool instead, so changing `zones` on `default_node_pool` needs `temporary_name_for_rotation`. ' +
      'Zones need Virtual Machine Scale Sets and the standard load balancer, and the VM size must be offered in those zones ' +
      '(`az aks list-vm-skus`).\n\n' +
      'This is advice for production clusters (info): whether the region has zones cannot be known offline. Pools with a ' +
      '`proximity_placement_group_id` are skipped, because a proximity placement group maps to a single zone.',
    links: ['https://learn.microsoft.com/azure/aks/reliability-availability-zones-configure', 'https://learn.microsoft.com/azure/aks/reliability-zone-resiliency-recommendations'],
  },
  messages: {
    noZones: 'Node pool "{pool}" is not spread across zones 1, 2, 3; a zone outage can take down all its nodes.',
    fewZones: 'Node pool "{pool}" uses zones {zones} only; spread it across zones 1, 2, 3 so one zone outage cannot take down all its nodes.',
  },
  fixable: true,
  *check(ctx) {
    const path = ctx.file.path;
    const module = ctx.terraformModuleOf(path); // the file's pools are declared in its module
    for (const p of nodePools(module ? [module] : [])) {
      if (p.block.file !== path || p.ppg) continue;
      if (p.cluster?.hasDynamic('default_node_pool')) continue;
      if (!p.zones) {
        yield { messageId: 'noZones', data: { pool: p.name }, ...p.anchor, fixes: zoneFixes(ctx.file, p) };
        continue;
      }
      const zones = knownZones(p.zones);
      if (!zones || zones.length >= 3) continue;
      const range = p.zones.node.name.range;
      if (zones.length === 0) {
        yield { messageId: 'noZones', data: { pool: p.name }, file: path, range, fixes: zoneFixes(ctx.file, p) };
        continue;
      }
      yield { messageId: 'fewZones', data: { pool: p.name, zones: zones.join(', ') }, file: path, range, fixes: zoneFixes(ctx.file, p) };
    }
  },
});

function zoneFixes(file: { path: string; text: string }, p: NodePool): Fix[] {
  const setZones = p.zones
    ? isLiteralList(p.zones.expr) || p.zones.expr.kind === 'Null'
      ? [replaceRange(file, p.zones.expr.range, ALL_ZONES)]
      : undefined
    : insertAttribute(file, p.block.node, `zones = ${ALL_ZONES}`);
  if (!setZones || setZones.length === 0) return [];
  const fixes = [fix('Spread the node pool across zones 1, 2, 3', setZones)];
  // Changing zones on an existing default pool rotates it; whether the cluster exists already cannot be known here.
  if (p.kind === 'default' && !p.zones && !p.block.attribute('temporary_name_for_rotation')) {
    const tmp = `tmp${p.name}`.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12);
    const edits = rotationEdits(file, p, tmp);
    if (edits.length) fixes.push(fix('Spread across zones 1, 2, 3 and set temporary_name_for_rotation (existing cluster)', edits));
  }
  return fixes;
}

/** temporary_name_for_rotation and zones inserted together, as one aligned run. */
function rotationEdits(file: { path: string; text: string }, p: NodePool, tmp: string): FileEdit[] {
  const NAME = 'temporary_name_for_rotation';
  return insertAttribute(file, p.block.node, `${NAME} = "${tmp}"`).map((e) => {
    const m = new RegExp(`^(\\r?\\n)(\\s*)${NAME}( *) = `).exec(e.newText);
    if (!m) return e;
    return { ...e, newText: `${e.newText}${m[1]}${m[2]}${'zones'.padEnd(NAME.length + m[3].length)} = ${ALL_ZONES}` };
  });
}
