import { defineRule, type Fix, type Report } from '../kit/define-rule';
import { fix, insertBlockAfter, replaceRange, type SourceText } from '../kit/fix';
import type { CheckContext } from '../kit/define-rule';
import type { TfModule, TfResource, TfAttribute } from '../../model/terraform/model-types';
import { findRoleByName, matchRoleName, roleDefinitionId, roleNotFoundError } from '../../model/azure/roles';
import { suggestRoleNames } from '../../model/azure/did-you-mean';
import { renameAttribute } from '../ver/attribute-edits';
import { customRoleNames, type CustomRoleNames } from './role-of';
import { tfModules } from './tf-modules';
import { memoReportsKeyed } from '../kit/memo-on';

// AKS-RA-001. azurerm resolves role_definition_name only at apply time (a `roleName eq` look-up at the scope), so a
// typo such as "ArcPull" passes plan and fails late. Names built from variables are evaluated; Unknown is skipped.

type MessageId = 'misspelled' | 'unknownRole' | 'caseOnly';

export const rule = defineRule({
  code: 'AKS-RA-001',
  name: 'role-name-exists',
  title: 'role_definition_name names an existing role',
  severity: 'error',
  messageSeverity: { unknownRole: 'warning', caseOnly: 'info' },
  category: 'correctness',
  docs: {
    summary: 'A misspelled role_definition_name passes terraform plan and fails only at apply time with "could not find role".',
    rationale:
      'azurerm looks the name up with a `roleName eq \'<name>\'` filter at the assignment scope and fails when it does not find exactly one role ' +
      '(`listing role definitions: could not find role ...`). The name is compared with the full list of Azure built-in roles ' +
      '(built-in-roles.md) and with every `azurerm_role_definition` / `data.azurerm_role_definition` name in the workspace.\n\n' +
      '- A name close to a known role (edit distance up to 2, a known typo such as "ArcPull", a missing plural "s", a stray "Role") is an **error** with a "did you mean" fix.\n' +
      '- A name close to nothing is a **warning**, not an error: it may be a custom role defined outside this workspace.\n' +
      '- A case-only difference is **info**: whether ARM compares role names case-insensitively is UNVERIFIED, so write the published spelling.\n\n' +
      'The extra fix "Use role_definition_id instead" writes the documented Scoped-ID form ' +
      '`${data.azurerm_subscription.<name>.id}/providers/Microsoft.Authorization/roleDefinitions/<GUID>`; the tenant-level form without the ' +
      'subscription prefix is not offered, as its acceptance at every scope is UNVERIFIED.',
    links: [
      'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment',
    ],
  },
  messages: {
    misspelled: 'Unknown role "{name}". Did you mean "{suggestion}"? azurerm only fails at apply time ({error}).',
    unknownRole: 'No built-in role and no azurerm_role_definition in this workspace is named "{name}"; apply fails with "{error}" unless it is a custom role defined elsewhere.',
    caseOnly: 'Role "{name}" differs only in case from the built-in role "{suggestion}"; use the published spelling.',
  },
  fixable: true,
  *check(ctx) {
    const modules = tfModules(ctx);
    const custom = customRoleNames(modules);
    // per module, replayed while it and the workspace's custom role names are unchanged (name matching is costly)
    const key = `${custom.incomplete}\u0000${custom.names.join('\u0000')}`;
    for (const module of modules) yield* memoReportsKeyed(module, 'AKS-RA-001', key, () => checkModule(ctx, module, custom));
  },
});

function* checkModule(ctx: CheckContext, module: TfModule, custom: CustomRoleNames): Generator<Report<MessageId>> {
  for (const resource of module.resourcesOfType('azurerm_role_assignment')) {
    const report = checkAssignment(ctx, module, resource, custom);
    if (report) yield report;
  }
}

function checkAssignment(ctx: CheckContext, module: TfModule, ra: TfResource, custom: CustomRoleNames): Report<MessageId> | undefined {
  const attr = ra.attribute('role_definition_name');
  const value = attr?.value;
  if (!attr || value?.kind !== 'string') return undefined;
  const name = value.value;
  if (custom.names.includes(name)) return undefined;
  const match = matchRoleName(name);
  if (match.kind === 'exact') return undefined;
  const base = { file: attr.file, range: attr.expr.range };
  const error = roleNotFoundError(name);
  if (match.kind === 'case-only') {
    const suggestion = match.role.name;
    return { ...base, messageId: 'caseOnly', data: { name, suggestion }, fixes: (c) => fixesFor(c, module, ra, attr, [suggestion]) };
  }
  const suggestions = suggestRoleNames(name, { extraNames: custom.names });
  if (suggestions.length === 0) {
    // A name close to nothing may be a role defined outside the workspace; an unknown custom name here could be it too.
    if (custom.incomplete) return undefined;
    return { ...base, messageId: 'unknownRole', data: { name, error } };
  }
  const names = suggestions.map((s) => s.name);
  return { ...base, messageId: 'misspelled', data: { name, suggestion: names[0], error }, fixes: (c) => fixesFor(c, module, ra, attr, names) };
}

/** One "did you mean" fix per suggestion (at the string that produced the value, e.g. a tfvars entry), then role_definition_id. */
function fixesFor(ctx: CheckContext, module: TfModule, ra: TfResource, attr: TfAttribute, names: readonly string[]): Fix[] {
  const origin = attr.value.origin;
  const src = origin && ctx.getFile(origin.file);
  const fixes: Fix[] = [];
  if (origin && src && /^"[^"\\$%]*"$/.test(src.text.slice(origin.range.start, origin.range.end))) {
    const where = origin.file === attr.file ? '' : ` in ${origin.file}`;
    for (const n of names) fixes.push(fix(`Change to "${n}"${where}`, replaceRange(src, origin.range, JSON.stringify(n))));
  }
  const role = findRoleByName(names[0]);
  const file = ctx.getFile(attr.file);
  if (role && file && !ra.isCollection) fixes.push(roleDefinitionIdFix(file, module, ra, attr, role.guid, role.name));
  return fixes;
}

function roleDefinitionIdFix(file: SourceText, module: TfModule, ra: TfResource, attr: TfAttribute, guid: string, roleName: string): Fix {
  const sub = module.dataSources.find((d) => d.type === 'azurerm_subscription' && !d.isCollection);
  const subName = sub?.name ?? 'current';
  const value = `"\${data.azurerm_subscription.${subName}.id}${roleDefinitionId(guid)}"`;
  const edits = renameAttribute(file, ra.node, attr.node, 'role_definition_id', value);
  if (!sub) edits.push(insertBlockAfter(file, ra.node, `data "azurerm_subscription" "${subName}" {}`));
  return fix(`Use role_definition_id instead (${roleName}, scoped to the subscription)`, edits);
}

