import type { TfAttribute, TfBlock } from '../../model/terraform/model-types';
import type { AttributeChange } from '../../model/azure/attribute-renames';
import { readdedAttribute, readdedStatus } from '../../model/azure/attribute-readded';
import { atLeast, type AzurermVersion } from './azurerm-version';

// Where a §2.2 path (`default_node_pool.enable_auto_scaling`) occurs in a resource, and whether the module's azurerm
// version accepts the old spelling.

export type Site =
  | { readonly kind: 'attribute'; readonly attribute: TfAttribute; readonly parent: TfBlock }
  | { readonly kind: 'block'; readonly block: TfBlock; readonly parent: TfBlock };

/** Every occurrence of the path: all instances of the nested blocks on the way. */
export function sitesOf(resource: TfBlock, path: string): Site[] {
  const steps = path.split('.');
  let parents: TfBlock[] = [resource];
  for (const step of steps.slice(0, -1)) parents = parents.flatMap((p) => [...p.blocks(step)]);
  const last = steps[steps.length - 1];
  return parents.flatMap((parent): Site[] => {
    const attribute = parent.attribute(last);
    if (attribute) return [{ kind: 'attribute', attribute, parent }];
    return parent.blocks(last).map((block) => ({ kind: 'block', block, parent }));
  });
}

/** The blocks that would hold the path's last step (for "now required" checks). */
export function parentsOf(resource: TfBlock, path: string): TfBlock[] {
  let parents: TfBlock[] = [resource];
  for (const step of path.split('.').slice(0, -1)) parents = parents.flatMap((p) => [...p.blocks(step)]);
  return parents;
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
