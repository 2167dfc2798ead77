import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import type { TfAttribute, TfModule, TfResource } from '../model/terraform/model-types';
import { ROLE_SOURCES, type BuiltInRole } from '../model/azure/roles';
import { assignedRole, customRoleNames } from '../rules/ra/role-of';
import { resolveScope, type ResolvedScope } from '../rules/ra/scope';

// Hovers over azurerm_role_assignment: the role (built-in GUID, what it grants, typical AKS use) on
// role_definition_name / role_definition_id, and what the scope resolves to. Pure: workspace in, markdown out.

export interface Hover {
  readonly markdown: string;
  readonly range: TextRange;
}

const inside = (r: TextRange, offset: number): boolean => r.start <= offset && offset <= r.end;

export function hoverRoles(ws: Workspace, file: string, offset: number): Hover | undefined {
  const modules = ws.terraform().modules;
  for (const module of modules) {
    for (const ra of module.resourcesOfType('azurerm_role_assignment')) {
      if (ra.file !== file || !inside(ra.range, offset)) continue;
      const attr = ['role_definition_name', 'role_definition_id', 'scope'].map((n) => ra.attribute(n)).find((a) => a && inside(a.range, offset));
      if (!attr) return undefined;
      const markdown = attr.name === 'scope' ? scopeMarkdown(module, attr) : roleMarkdown(modules, module, ra, attr);
      return markdown ? { markdown, range: attr.range } : undefined;
    }
  }
  return undefined;
}

function roleMarkdown(modules: readonly TfModule[], module: TfModule, ra: TfResource, attr: TfAttribute): string | undefined {
  const role = assignedRole(module, ra);
  if (role?.builtIn) return builtInMarkdown(role.builtIn, role.name !== undefined && role.via === 'name' && role.name !== role.builtIn.name ? role.name : undefined);
  if (role?.name && customRoleNames(modules).names.includes(role.name)) {
    return `**${role.name}**: custom role (an \`azurerm_role_definition\` or \`data.azurerm_role_definition\` in this workspace).\n\nSource: ${ROLE_SOURCES.lookup}`;
  }
  return attr.name === 'role_definition_id' && role ? `Not the ID of a built-in role: a custom role definition.\n\nSource: ${ROLE_SOURCES.table}` : undefined;
}

export function builtInMarkdown(role: BuiltInRole, writtenAs?: string): string {
  const lines = [`**${role.name}**: built-in Azure role (${role.family})`, '', `- Role definition GUID: \`${role.guid}\``];
  if (role.aks) {
    lines.push(`- Grants: ${role.aks.grants}`, `- Typical AKS use: ${role.aks.aksUse}`);
    if (role.aks.dataActions) lines.push(`- Data actions: ${role.aks.dataActions.map((a) => `\`${a}\``).join(', ')}`);
  }
  if (writtenAs) lines.push(`- Written as "${writtenAs}": the published spelling is "${role.name}".`);
  lines.push(`- role_definition_id: \`\${data.azurerm_subscription.<name>.id}/providers/Microsoft.Authorization/roleDefinitions/${role.guid}\``);
  lines.push('', `Source: ${ROLE_SOURCES.table}`);
  return lines.join('\n');
}

const LEVEL_WORDS: Readonly<Record<ResolvedScope['level'], string>> = {
  'management-group': 'a management group',
  subscription: 'the subscription',
  'resource-group': 'a resource group',
  resource: 'a single resource',
};

function scopeMarkdown(module: TfModule, attr: TfAttribute): string | undefined {
  const scope = resolveScope(module, attr);
  if (!scope) return undefined;
  const what = scope.type ? `\`${scope.text}\` (${scope.type})` : `\`${scope.text}\`${scope.armType ? ` (${scope.armType})` : ''}`;
  const declared = scope.type && !scope.resource ? ' It is not declared in this module.' : '';
  return [
    `**Scope**: ${LEVEL_WORDS[scope.level]}, ${what}.${declared}`,
    '',
    'The role applies there and to everything below it (management group ⊃ subscription ⊃ resource group ⊃ resource ⊃ child, e.g. a VNet covers its subnets).',
    '',
    'Source: aks-rules.md §5.1; hashicorp/terraform-provider-azurerm website/docs/r/role_assignment.html.markdown',
  ].join('\n');
}
