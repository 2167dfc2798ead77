import type { TfBlock } from '../../model/terraform/model-types';
import { DEFAULT_MAX_PODS, MAX_SURGE_DEFAULT_ASSUMPTION, surgeNodes, type PodIpMode } from '../../model/azure/network-constants';
import { boolAttr, numberAttr, podIpModeOf, stringAttr, type NodePoolFacts } from './cluster-network';

// How many nodes a pool may run at once (N + surge S) and how many pods each may hold (P), per aks-rules.md
// AKS-NET-004: N = max_count when autoscaling else node_count; S = upgrade_settings.max_surge, or the stated
// assumption max(1, ceil(10% × N)) when not set; P = max_pods or the plugin's default.

export interface PoolSizing {
  readonly pool: NodePoolFacts;
  readonly mode: PodIpMode;
  readonly nodes: number;
  /** true when N is max_count (autoscaling) */
  readonly autoscaled: boolean;
  readonly surge: number;
  readonly surgeAssumed: boolean;
  readonly maxPods: number;
  readonly maxPodsDefault: boolean;
}

/** The pool's sizing, or undefined when any input is not statically known. */
export function poolSizing(pool: NodePoolFacts): PoolSizing | undefined {
  const mode = podIpModeOf(pool.cluster, pool.block);
  if (!mode) return undefined;
  const n = nodeCount(pool);
  if (!n) return undefined;
  const surge = surgeOf(pool, n.nodes);
  if (!surge) return undefined;
  const maxPods = numberAttr(pool.block, 'max_pods');
  if (maxPods.kind === 'unknown') return undefined;
  return {
    pool,
    mode,
    ...n,
    ...surge,
    maxPods: maxPods.kind === 'known' ? maxPods.value : DEFAULT_MAX_PODS[mode],
    maxPodsDefault: maxPods.kind !== 'known',
  };
}

/** Autoscaling flag (v4 auto_scaling_enabled, v3 enable_auto_scaling); undefined when not known. */
export function autoscaling(pool: TfBlock): boolean | undefined {
  const v4 = boolAttr(pool, 'auto_scaling_enabled');
  const flag = v4.kind === 'absent' ? boolAttr(pool, 'enable_auto_scaling') : v4;
  if (flag.kind === 'unknown') return undefined;
  return flag.kind === 'known' && flag.value;
}

function nodeCount(pool: NodePoolFacts): { nodes: number; autoscaled: boolean } | undefined {
  const auto = autoscaling(pool.block);
  if (auto === undefined) return undefined;
  const count = numberAttr(pool.block, auto ? 'max_count' : 'node_count');
  return count.kind === 'known' ? { nodes: count.value, autoscaled: auto } : undefined;
}

function surgeOf(pool: NodePoolFacts, nodes: number): { surge: number; surgeAssumed: boolean } | undefined {
  const settings = pool.block.block('upgrade_settings');
  if (!settings && pool.block.hasDynamic('upgrade_settings')) return undefined;
  const written = stringAttr(settings, 'max_surge');
  if (written.kind === 'unknown') return undefined;
  if (written.kind === 'known') {
    const s = surgeNodes(nodes, written.value);
    return s === undefined ? undefined : { surge: s, surgeAssumed: false };
  }
  const asNumber = numberAttr(settings, 'max_surge');
  if (asNumber.kind === 'known') return { surge: asNumber.value, surgeAssumed: false };
  const assumed = Math.max(MAX_SURGE_DEFAULT_ASSUMPTION.minNodes, Math.ceil((nodes * MAX_SURGE_DEFAULT_ASSUMPTION.percent) / 100));
  return { surge: assumed, surgeAssumed: true };
}

/** `19 nodes + 2 surge` (with "max_count" when autoscaled). */
export function nodesText(s: PoolSizing): string {
  return `${s.nodes} nodes${s.autoscaled ? ' at max_count' : ''} + ${s.surge} surge`;
}

export const SURGE_ASSUMPTION_NOTE =
  ' Surge assumed as max(1, 10% of nodes) where upgrade_settings.max_surge is not set (AKS docs disagree: 1 node or 10%).';
