import type { TfAttribute, TfBlock } from '../../model/terraform/model-types';
import type { AttributeChange } from '../../model/azure/attribute-renames';
import { readdedAttribute, readdedStatus } from '../../model/azure/attribute-readded';
import { atLeast, type AzurermVersion } from './azurerm-version';

// Where a §2.2 path (`default_node_pool.enable_auto_scaling`) occurs in a resource, and whether the module's azurerm
// version accepts the old spelling.

export type Site =
  | { readonly kind: 'attribute'; readonly attribute: TfAttribute; readonly parent: TfBlock }
  | { readonly kind: 'block'; readonly block: TfBlock; readonly parent: TfBlock };

/** Every occurrence of the path: all instances of the nested blocks on the way (in document order). */
export function sitesOf(resource: TfBlock, path: string): readonly Site[] {
  const { blocks, last } = stepsOf(path);
  // asked for every catalogue path of every resource on each run and nearly always empty: a miss allocates nothing
  return collectSites(resource, blocks, 0, last, undefined) ?? NONE;
}

function collectSites(parent: TfBlock, steps: readonly string[], depth: number, last: string, out: Site[] | undefined): Site[] | undefined {
  if (depth < steps.length) {
    const children = parent.blocks(steps[depth]);
    for (let i = 0; i < children.length; i++) out = collectSites(children[i], steps, depth + 1, last, out);
    return out;
  }
  const attribute = parent.attribute(last);
  if (attribute) (out ??= []).push({ kind: 'attribute', attribute, parent });
  else {
    const blocks = parent.blocks(last);
    for (let i = 0; i < blocks.length; i++) (out ??= []).push({ kind: 'block', block: blocks[i], parent });
  }
  return out;
}

/** The blocks that would hold the path's last step (for "now required" checks), in document order. */
export function parentsOf(resource: TfBlock, path: string): readonly TfBlock[] {
  const { blocks } = stepsOf(path);
  if (blocks.length === 0) return [resource];
  const out: TfBlock[] = [];
  collectParents(resource, blocks, 0, out);
  return out;
}

function collectParents(parent: TfBlock, steps: readonly string[], depth: number, out: TfBlock[]): void {
  if (depth === steps.length) out.push(parent);
  else for (const child of parent.blocks(steps[depth])) collectParents(child, steps, depth + 1, out);
}

const NONE: readonly Site[] = Object.freeze([]);

// The catalogue's few paths are split once, not per resource and change on every run.
const splitPaths = new Map<string, { readonly blocks: readonly string[]; readonly last: string }>();

function stepsOf(path: string): { readonly blocks: readonly string[]; readonly last: string } {
  let steps = splitPaths.get(path);
  if (!steps) {
    const all = path.split('.');
    splitPaths.set(path, (steps = { blocks: all.slice(0, -1), last: all[all.length - 1] }));
  }
  return steps;
}

export type Status = 'rejected' | 'deprecated' | 'accepted' | 'unsure';

/** How the pinned version treats the old path of a rename/removal. */
export function statusFor(change: AttributeChange, v: AzurermVersion): Status {
  const back = change.oldPath ? readdedAttribute(change.resource, change.oldPath) : undefined;
  if (back && v.major !== undefined && v.major >= 4) {
    const s = readdedStatus(back, v.exact);
    return s === 'present' ? 'accepted' : s === 'absent' ? 'rejected' : 'unsure';
  }
  const gone = atLeast(v, change.removedIn ?? change.changedIn);
  if (gone === true) return 'rejected';
  const changed = atLeast(v, change.changedIn);
  if (changed === false) return 'accepted';
  if (changed === true && gone === false) return 'deprecated';
  return 'unsure';
}

/** "4.57.0", "4.x" or undefined: how messages name the module's azurerm version. */
export function pinText(v: AzurermVersion): string | undefined {
  return v.exact ?? (v.major !== undefined ? `${v.major}.x` : undefined);
}
