import type { Expr } from '../../syntax/hcl/ast';
import type { TfAttribute, TfBlock, TfModule, TfResource } from '../../model/terraform/model-types';
import { trace } from '../../model/identity/trace';

// The node pools of a configuration: each cluster's default_node_pool and every azurerm_kubernetes_cluster_node_pool,
// with the placement facts the NODE rules read (zones, proximity placement group), evaluated through the model.

export interface NodePool {
  readonly kind: 'default' | 'resource';
  /** the default_node_pool block or the node pool resource */
  readonly block: TfBlock;
  readonly module: TfModule;
  /** the cluster for a default pool */
  readonly cluster: TfResource | undefined;
  /** `name` when statically known, else the resource label / "default" */
  readonly name: string;
  readonly zones: TfAttribute | undefined;
  readonly ppg: TfAttribute | undefined;
  /** where to point at the pool as a whole: the `default_node_pool` keyword or the resource's name label */
  readonly anchor: { readonly file: string; readonly range: { start: number; end: number } };
}

export function nodePools(modules: readonly TfModule[]): NodePool[] {
  const out: NodePool[] = [];
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      const block = cluster.block('default_node_pool');
      if (block) out.push(pool('default', block, module, cluster, 'default'));
    }
    for (const r of module.resourcesOfType('azurerm_kubernetes_cluster_node_pool')) out.push(pool('resource', r, module, undefined, r.name));
  }
  return out;
}

function pool(kind: NodePool['kind'], block: TfBlock, module: TfModule, cluster: TfResource | undefined, fallback: string): NodePool {
  const nameValue = block.attribute('name')?.value;
  const anchorRange = kind === 'default' ? block.node.type.range : (block as TfResource).nameRange;
  return {
    kind,
    block,
    module,
    cluster,
    name: nameValue?.kind === 'string' ? nameValue.value : fallback,
    zones: block.attribute('zones'),
    ppg: block.attribute('proximity_placement_group_id'),
    anchor: { file: block.file, range: anchorRange },
  };
}

/** The pool's zones when the whole list is statically known (distinct, as strings); undefined otherwise. */
export function knownZones(attr: TfAttribute | undefined): string[] | undefined {
  const v = attr?.value;
  if (!v) return undefined;
  if (v.kind === 'null') return [];
  if (v.kind !== 'list' && v.kind !== 'set') return undefined;
  const out: string[] = [];
  for (const item of v.items) {
    if (item.kind === 'string') out.push(item.value);
    else if (item.kind === 'number') out.push(String(item.value));
    else return undefined;
  }
  return [...new Set(out)];
}

/** True when the attribute's value is written in place as a list literal (a fix may then rewrite it). */
export function isLiteralList(expr: Expr): boolean {
  return expr.kind === 'Tuple' && expr.items.every(isLiteralScalar);
}

export function isLiteralScalar(expr: Expr): boolean {
  if (expr.kind === 'Number' || expr.kind === 'Bool') return true;
  return expr.kind === 'Template' && !expr.heredoc && expr.parts.every((p) => p.kind === 'TemplateLiteral');
}

/**
 * What a proximity_placement_group_id names, as a key shared by pools using the same group: the traced
 * azurerm_proximity_placement_group (module dir + address) or the literal ID (lower-case, IDs are case-insensitive).
 */
export interface PpgTarget {
  readonly key: string;
  readonly text: string;
  readonly resource: TfResource | undefined;
}

export function ppgTarget(p: NodePool): PpgTarget | undefined {
  if (!p.ppg || p.ppg.value.kind === 'null') return undefined;
  const t = trace(p.module, p.ppg.expr, p.ppg.file);
  if (!t) return undefined;
  if (t.kind === 'string') return { key: `id:${t.value.toLowerCase()}`, text: t.value, resource: undefined };
  if (t.path.length !== 1 || t.path[0] !== 'id' || t.instance) return undefined;
  const resource = t.module.resource(t.address);
  if (resource?.type !== 'azurerm_proximity_placement_group' || resource.isCollection) return undefined;
  return { key: `${t.module.dir}:${t.address}`, text: t.address, resource };
}
