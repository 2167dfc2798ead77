import { defineRule, type Report } from '../kit/define-rule';
import { fix, replaceRange } from '../kit/fix';
import { isLiteralList, knownZones, nodePools, ppgTarget, type NodePool, type PpgTarget } from './node-pools';

// AKS-NODE-002 (aks-rules.md §4.4, Lesson 4 item 2): "A proximity placement group can map to only one availability
// zone", so a PPG pool must use exactly one zone, the PPG's zone, and every pool sharing the PPG the same one.

type Id = 'multipleZones' | 'zoneMismatch' | 'poolsDisagree' | 'systemPool';

export const rule = defineRule({
  code: 'AKS-NODE-002',
  name: 'ppg-single-zone',
  title: 'Proximity placement group pools use the one zone of their group',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A node pool with a proximity placement group must use exactly one zone, the same as the group and every other pool in it.',
    rationale:
      'From reduce-latency-ppg.md: "A proximity placement group can map to only *one* availability zone", "proximity placement groups ' +
      'require a node pool to use only *one* availability zone", "You can associate multiple node pools with a single proximity placement ' +
      'group" and "A node pool can associate a proximity placement group at node pool create time only". A PPG on a multi-zone pool, a ' +
      'pool in another zone than `azurerm_proximity_placement_group.zone`, or two pools of one PPG in different zones are contradictions ' +
      'the platform rejects.\n\n' +
      'Recommended design: the system pool (`default_node_pool`) across three zones without a PPG; one user pool per zone, each with its ' +
      'own PPG. `proximity_placement_group_id` and `zones` force a new node pool when changed.',
    links: ['https://learn.microsoft.com/azure/aks/reduce-latency-ppg'],
  },
  messages: {
    multipleZones: 'A proximity placement group maps to one availability zone; node pool "{pool}" with a PPG must use exactly one zone, not {zones}.',
    zoneMismatch: 'Node pool "{pool}" zone "{zone}" differs from the proximity placement group zone "{ppgZone}" ({ppg}).',
    poolsDisagree: 'Node pool "{pool}" (zone "{zone}") and node pool "{other}" (zone "{otherZone}") share proximity placement group {ppg}, which maps to one zone.',
    systemPool: 'Docs recommend no proximity placement group on the system pool (spread it over three zones) and one PPG per zonal user pool.',
  },
  messageSeverity: { systemPool: 'info' },
  fixable: true,
  *check(ctx) {
    const groups = new Map<string, { target: PpgTarget; pools: { pool: NodePool; zone: string }[] }>();
    for (const p of nodePools(ctx.terraform().modules)) {
      if (!p.ppg || p.ppg.value.kind === 'null') continue;
      if (p.kind === 'default') yield { messageId: 'systemPool', file: p.ppg.file, range: p.ppg.node.name.range };
      const zones = knownZones(p.zones);
      if (!p.zones || !zones || zones.length === 0) continue;
      if (zones.length > 1) {
        yield multiple(ctx, p, zones);
        continue;
      }
      const target = ppgTarget(p);
      if (!target) continue;
      const ppgZone = target.resource?.attribute('zone');
      const z = ppgZone?.value;
      if (ppgZone && (z?.kind === 'string' || z?.kind === 'number')) {
        const wanted = String(z.value);
        if (wanted !== zones[0]) {
          yield {
            messageId: 'zoneMismatch',
            data: { pool: p.name, zone: zones[0], ppgZone: wanted, ppg: target.text },
            file: p.zones.file,
            range: p.zones.node.name.range,
            related: [{ file: ppgZone.file, range: ppgZone.range, message: `the proximity placement group is in zone "${wanted}"` }],
          };
        }
        continue;
      }
      const group = groups.get(target.key) ?? { target, pools: [] };
      group.pools.push({ pool: p, zone: zones[0] });
      groups.set(target.key, group);
    }
    for (const { target, pools } of groups.values()) yield* disagreements(target, pools);
  },
});

function multiple(ctx: { getFile(path: string): { path: string; text: string } | undefined }, p: NodePool, zones: string[]): Report<Id> {
  const attr = p.zones!;
  const file = ctx.getFile(attr.file);
  const fixes = file && isLiteralList(attr.expr)
    ? [fix(`Use only zone "${zones[0]}" (forces a new node pool)`, replaceRange(file, attr.expr.range, `["${zones[0]}"]`))]
    : undefined;
  return { messageId: 'multipleZones', data: { pool: p.name, zones: zones.map((z) => `"${z}"`).join(', ') }, file: attr.file, range: attr.node.name.range, fixes };
}

/** Pools of one PPG (whose own zone is not known) that sit in a different zone than the first pool of the group. */
function* disagreements(target: PpgTarget, pools: { pool: NodePool; zone: string }[]): Generator<Report<Id>> {
  const sorted = [...pools].sort((a, b) => (a.pool.block.file < b.pool.block.file ? -1 : a.pool.block.file > b.pool.block.file ? 1 : a.pool.block.range.start - b.pool.block.range.start));
  const first = sorted[0];
  for (const { pool, zone } of sorted.slice(1)) {
    if (zone === first.zone) continue;
    const attr = pool.zones!;
    yield {
      messageId: 'poolsDisagree',
      data: { pool: pool.name, zone, other: first.pool.name, otherZone: first.zone, ppg: target.text },
      file: attr.file,
      range: attr.node.name.range,
      related: [{ file: first.pool.zones!.file, range: first.pool.zones!.range, message: `node pool "${first.pool.name}" uses zone "${first.zone}"` }],
    };
  }
}
