import type { TfAttribute, TfModule, TfResource } from '../../model/terraform/model-types';
import { resourceTypeOf, trace } from '../../model/identity/trace';

// What a role assignment's scope names: a resource's `.id` (traced through locals, variables and module outputs), a
// subscription or resource group, or a literal ARM resource ID. Undefined when not statically known.

export type ScopeLevel = 'subscription' | 'resource-group' | 'resource' | 'management-group';

export interface ResolvedScope {
  readonly level: ScopeLevel;
  /** azurerm resource type (`azurerm_container_registry`) when the scope is a Terraform resource's id */
  readonly type?: string;
  /** the resource or data source the scope refers to, when declared */
  readonly resource?: TfResource;
  /** `azurerm_container_registry.acr` or the literal ID */
  readonly text: string;
  /** ARM provider type of a literal ID, e.g. `Microsoft.ContainerRegistry/registries` */
  readonly armType?: string;
}

const LEVEL_OF_TYPE: Readonly<Record<string, ScopeLevel>> = {
  azurerm_subscription: 'subscription',
  azurerm_resource_group: 'resource-group',
  azurerm_management_group: 'management-group',
};

export function resolveScope(module: TfModule, scope: TfAttribute): ResolvedScope | undefined {
  const t = trace(module, scope.expr, scope.file);
  if (!t) return undefined;
  if (t.kind === 'string') return parseArmScope(t.value);
  if (t.path.length !== 1 || t.path[0] !== 'id') return undefined;
  const type = resourceTypeOf(t.address);
  return { level: LEVEL_OF_TYPE[type] ?? 'resource', type, resource: t.module.resource(t.address), text: t.address };
}

/** Level and provider type of a literal ARM ID (IDs compare case-insensitively, §5.4). */
export function parseArmScope(id: string): ResolvedScope | undefined {
  const parts = id.trim().replace(/\/+$/, '').split('/');
  if (parts[0] !== '' || parts.length < 3) return undefined;
  const lower = parts.map((p) => p.toLowerCase());
  if (lower[1] === 'providers' && lower[2] === 'microsoft.management') return { level: 'management-group', text: id };
  if (lower[1] !== 'subscriptions') return undefined;
  if (parts.length === 3) return { level: 'subscription', text: id };
  if (lower[3] === 'resourcegroups' && parts.length === 5) return { level: 'resource-group', text: id };
  const p = lower.indexOf('providers');
  if (p < 0 || parts.length < p + 4) return undefined;
  return { level: 'resource', text: id, armType: `${parts[p + 1]}/${parts[p + 2]}` };
}
