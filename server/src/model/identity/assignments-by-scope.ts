import type { TfModule } from '../terraform/model-types';
import type { RoleAssignmentFacts, RoleTarget } from './role-assignments';
import { resourceTypeOf } from './trace';

// Every requirement (cluster x target) meets every assignment of its role. An assignment scoped to `<x>.id` of a
// resource of a module-local type (a subnet, an identity, a zone: not the subscription, a resource group or a VNet,
// whose scopes contain other resources) covers that resource only: coversTarget is 'no' for every other ref target.
// Those are indexed by resource; the rest stay in a list every ref target meets. Order is the input order.

/** The assignments that can cover `target` (a superset of those where coversTarget is not 'no'), in input order. */
export type ScopeLookup = (target: RoleTarget) => readonly RoleAssignmentFacts[];

export function indexByScope(list: readonly RoleAssignmentFacts[]): ScopeLookup {
  const direct = new Map<TfModule, Map<string, number[]>>();
  const rest: number[] = [];
  list.forEach((ra, i) => {
    const s = ra.scope;
    const type = s?.kind === 'ref' ? resourceTypeOf(s.address) : '';
    const single =
      s?.kind === 'ref' &&
      s.path.length === 1 &&
      s.path[0] === 'id' &&
      !(s.instance && s.instance.key === undefined) &&
      type !== 'azurerm_subscription' &&
      type !== 'azurerm_resource_group' &&
      type !== 'azurerm_virtual_network' &&
      (type.startsWith('azurerm_') || type.startsWith('azuread_'));
    if (!single) {
      rest.push(i);
      return;
    }
    let byAddress = direct.get(s.module);
    if (!byAddress) direct.set(s.module, (byAddress = new Map()));
    const hits = byAddress.get(s.address);
    if (hits) hits.push(i);
    else byAddress.set(s.address, [i]);
  });
  const restList = rest.map((i) => list[i]);
  return (target) => {
    if (!('ref' in target)) return list;
    const hits = direct.get(target.ref.module)?.get(target.ref.address);
    return hits ? merged(rest, hits).map((i) => list[i]) : restList;
  };
}

/** Two ascending index lists as one. */
function merged(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}
