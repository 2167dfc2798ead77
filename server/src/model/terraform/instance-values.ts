import type { Expr } from '../../syntax/hcl/ast';
import type { TfAttribute, TfBlock } from './model-types';
import { COUNT_INDEX, EACH_KEY, EACH_VALUE } from './resolve-named';
import { list, num, object, str, unknown, withFields, type TfObject, type TfValue, type ValueRef } from './value';

// Resource, data and module-call values as the evaluator sees them: one object per instance (configured
// arguments known, the rest computed and `open`), collected into a list (count) or map (for_each).

/** Evaluates an expression of the block's file with extra symbols (count.index, each.*). */
export type EvalWith = (expr: Expr, file: string, symbols: ReadonlyMap<string, TfValue>) => TfValue;

/** More instances than this are not expanded one by one: the collection stays Unknown-sized. */
const MAX_INSTANCES = 64;
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers', 'source', 'version']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection', 'precondition', 'postcondition']);

/** A block body as an object: attributes by name, nested blocks as lists of objects by type. */
export function blockObject(block: TfBlock, ref: ValueRef, evalWith: EvalWith, symbols: ReadonlyMap<string, TfValue>): TfObject {
  const entries = new Map<string, TfValue>();
  for (const a of block.attributes()) {
    if (ref.path.length === 0 && META_ARGUMENTS.has(a.name)) continue;
    entries.set(a.name, evalWith(a.expr, a.file, symbols));
  }
  const types = [...new Set(block.blocks().map((b) => b.blockType))].filter((t) => t !== 'dynamic' && !META_BLOCKS.has(t));
  for (const type of types) {
    const listRef = withFields(ref, { path: [...ref.path, type] });
    const items = block.blocks(type).map((b, i) => blockObject(b, withFields(ref, { path: [...ref.path, type, i] }), evalWith, symbols));
    entries.set(type, withFields(list(items), { open: listRef }));
  }
  for (const d of block.blocks('dynamic')) {
    const type = d.labels[0];
    if (type) entries.set(type, unknown(`"${type}" blocks come from a dynamic block`, { ref: withFields(ref, { path: [...ref.path, type] }) }));
  }
  return withFields(object(entries), { open: ref });
}

/**
 * The value of a resource/data/module address: a single instance, or the collection of instances for
 * count/for_each (Unknown-sized when the count or keys are not known).
 */
export function instancesValue(
  address: string,
  count: TfAttribute | undefined,
  forEach: TfAttribute | undefined,
  instance: (ref: ValueRef, symbols: ReadonlyMap<string, TfValue>) => TfValue,
): TfValue {
  const ref: ValueRef = { address, path: [] };
  if (count) {
    const n = count.value;
    if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 0 || n.value > MAX_INSTANCES) return withFields(list([]), { open: ref, instances: true });
    const items = Array.from({ length: n.value }, (_, i) => instance(withFields(ref, { instance: { key: i } }), new Map([[COUNT_INDEX, num(i)]])));
    return withFields(list(items), { open: ref, instances: true });
  }
  if (forEach) {
    const keys = forEachPairs(forEach.value);
    if (!keys || keys.length > MAX_INSTANCES) return withFields(object(new Map()), { open: ref, instances: true });
    const entries = new Map(
      keys.map(([k, v]) => [k, instance(withFields(ref, { instance: { key: k } }), new Map([[EACH_KEY, str(k)], [EACH_VALUE, v]]))]),
    );
    return withFields(object(entries), { open: ref, instances: true });
  }
  return instance(ref, new Map());
}

/** for_each keys and each.value: a map/object, or a set of strings. */
function forEachPairs(v: TfValue): [string, TfValue][] | undefined {
  if (v.kind === 'object') return [...v.entries];
  if (v.kind === 'set' && v.items.every((i) => i.kind === 'string')) return v.items.map((i) => [(i as { value: string }).value, i]);
  return undefined;
}
