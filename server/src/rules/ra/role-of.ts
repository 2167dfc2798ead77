import type { TfAttribute, TfModule, TfResource } from '../../model/terraform/model-types';
import { findRoleByDefinitionId, findRoleByNameIgnoreCase, type BuiltInRole } from '../../model/azure/roles';
import { trace, resourceTypeOf } from '../../model/identity/trace';
import { resourcesOfType, stringValue } from './tf-modules';
import { memoOn } from '../kit/memo-on';

// The role an azurerm_role_assignment grants, from role_definition_name or role_definition_id (a literal ID, or a
// reference to an azurerm_role_definition / data.azurerm_role_definition). GUIDs compare case-insensitively.

export interface AssignedRole {
  /** the built-in role, when the assignment names one (names compared case-insensitively, as ARM may) */
  readonly builtIn: BuiltInRole | undefined;
  /** the role name when known */
  readonly name: string | undefined;
  readonly attribute: TfAttribute;
  readonly via: 'name' | 'id';
}

/** Undefined when the role is not statically known. */
export function assignedRole(module: TfModule, assignment: TfResource): AssignedRole | undefined {
  const byName = assignment.attribute('role_definition_name');
  if (byName) {
    const name = stringValue(byName);
    return name === undefined ? undefined : { builtIn: findRoleByNameIgnoreCase(name), name, attribute: byName, via: 'name' };
  }
  const byId = assignment.attribute('role_definition_id');
  if (!byId) return undefined;
  const id = stringValue(byId);
  if (id !== undefined) {
    const builtIn = findRoleByDefinitionId(id);
    return { builtIn, name: builtIn?.name, attribute: byId, via: 'id' };
  }
  const t = trace(module, byId.expr, byId.file);
  const def = t?.kind === 'ref' && resourceTypeOf(t.address) === 'azurerm_role_definition' ? t.module.resource(t.address) : undefined;
  if (!def) return undefined;
  const name = stringValue(def.attribute('name'));
  const defId = stringValue(def.attribute('role_definition_id'));
  const builtIn = (name !== undefined ? findRoleByNameIgnoreCase(name) : undefined) ?? (defId !== undefined ? findRoleByDefinitionId(defId) : undefined);
  if (!builtIn && name === undefined) return undefined;
  return { builtIn, name: builtIn?.name ?? name, attribute: byId, via: 'id' };
}

export interface CustomRoleNames {
  readonly names: readonly string[];
  /** true when some role definition's name is not statically known (then any unknown name may be it) */
  readonly incomplete: boolean;
}

/** Names of azurerm_role_definition resources and data.azurerm_role_definition look-ups anywhere in the workspace. */
export function customRoleNames(modules: readonly TfModule[]): CustomRoleNames {
  const names: string[] = [];
  let incomplete = false;
  // resources of every module first, then data sources: the order the names were always listed in
  const parts = modules.map(moduleRoleNames);
  for (const p of parts) {
    names.push(...p.resources);
    incomplete ||= p.resourcesIncomplete;
  }
  for (const p of parts) {
    names.push(...p.data);
    incomplete ||= p.dataIncomplete;
  }
  return { names: [...new Set(names)], incomplete };
}

/** One module's share of customRoleNames, memoised on the module (it runs on every Terraform edit). */
function moduleRoleNames(module: TfModule): { resources: string[]; resourcesIncomplete: boolean; data: string[]; dataIncomplete: boolean } {
  return memoOn(module, 'custom-role-names', () => {
    const out = { resources: [] as string[], resourcesIncomplete: false, data: [] as string[], dataIncomplete: false };
    for (const resource of module.resourcesOfType('azurerm_role_definition')) {
      const name = stringValue(resource.attribute('name'));
      if (name === undefined || resource.isCollection) out.resourcesIncomplete = true;
      else out.resources.push(name);
    }
    for (const data of module.dataSources) {
      if (data.type !== 'azurerm_role_definition') continue;
      const name = stringValue(data.attribute('name'));
      if (name !== undefined) out.data.push(name);
      else if (data.attribute('name')) out.dataIncomplete = true;
    }
    return out;
  });
}
