import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix } from '../kit/fix';
import { memoReports } from '../kit/memo-on';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import { ATTRIBUTE_CHANGES, type AttributeChange } from '../../model/azure/attribute-renames';
import { majorFromLockVersion } from '../../model/azure/versions';
import { tfModules } from '../ra/tf-modules';
import { editAttributes, removeAttribute, renameAttribute } from './attribute-edits';
import { atLeast, azurermVersion, type AzurermVersion } from './azurerm-version';
import { parentsOf, pinText, sitesOf, statusFor, type Site, type Status } from './change-sites';

// AKS-VER-001. The azurerm major version decides which spelling works (§2.2): a name from the wrong major fails
// at plan time. Version per aks-rules.md §1.4 (lock file, then required_providers); unknown -> info hints only.

type MessageId = 'removed' | 'deprecated' | 'hint' | 'tooNew' | 'missingRequired';

export const rule = defineRule({
  code: 'AKS-VER-001',
  name: 'azurerm-attribute-names-match-version',
  title: 'azurerm attribute names match the pinned provider version',
  severity: 'error',
  messageSeverity: { deprecated: 'info', hint: 'info' },
  category: 'correctness',
  docs: {
    summary: 'An attribute renamed or removed in the azurerm major version the module uses (or one that does not exist yet) fails terraform plan.',
    rationale:
      'azurerm 3.0, 4.0 and 5.0 renamed and removed many `azurerm_kubernetes_cluster`, node pool, Key Vault and federated credential ' +
      'arguments (upgrade guides 3.0/4.0/5.0). The module\'s azurerm version comes from `.terraform.lock.hcl`, then from a ' +
      '`required_providers` constraint that admits a single major version (a caller\'s pin counts for a child module).\n\n' +
      '- **error**: the pinned version no longer accepts the old name, does not accept the new one yet, or requires an argument that is missing.\n' +
      '- **info**: the old name still works but is deprecated, or the version is not pinned (then both spellings are accepted and only a hint is given).\n\n' +
      'Fixes rename in place (keeping `=` alignment) or delete the line (`managed = true`, `docker_bridge_cidr`, `node_taints`); for ' +
      '`parent_id` the rename also deletes `resource_group_name`.',
    links: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/4.0-upgrade-guide',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/3.0-upgrade-guide',
    ],
  },
  messages: {
    removed: '{advice} This module uses azurerm {pin}.',
    deprecated: '{old} still works in azurerm {pin} but is deprecated: {advice}',
    hint: '{advice} {pinNote}',
    tooNew: '{name} does not exist before azurerm {since}; this module uses azurerm {pin}.',
    missingRequired: '{advice} This module uses azurerm {pin}.',
  },
  fixable: true,
  *check(ctx) {
    // per module (version and resources come from its linked group), replayed while the module is unchanged
    for (const module of tfModules(ctx)) yield* memoReports(module, 'AKS-VER-001', () => checkModule(ctx, module));
  },
});

// the catalogue's changes per resource type, in catalogue order (looked up per resource on every run)
const CHANGES_BY_TYPE = new Map<string, AttributeChange[]>();
for (const change of ATTRIBUTE_CHANGES) {
  const list = CHANGES_BY_TYPE.get(change.resource);
  if (list) list.push(change);
  else CHANGES_BY_TYPE.set(change.resource, [change]);
}

/** What a change can report at a version, decided once per module: most changes report nothing at a known version. */
interface Plan {
  readonly change: AttributeChange;
  readonly required: boolean;
  /** statusFor the old path; 'accepted' reports nothing */
  readonly status: Status | undefined;
  readonly tooOld: boolean;
}

function planFor(change: AttributeChange, v: AzurermVersion): Plan | undefined {
  if (change.kind === 'default-changed') return undefined;
  if (change.kind === 'now-required') return atLeast(v, change.changedIn) === true ? { change, required: true, status: undefined, tooOld: false } : undefined;
  const status = change.oldPath ? statusFor(change, v) : undefined;
  // `added` facts come from the first snapshot read, so only a whole major before it is certain.
  const tooOld =
    !!change.newPath &&
    (change.kind === 'renamed' || change.kind === 'added') &&
    (change.kind === 'added' ? v.major !== undefined && v.major < (majorFromLockVersion(change.changedIn) ?? 0) : atLeast(v, change.changedIn) === false);
  return (status && status !== 'accepted') || tooOld ? { change, required: false, status, tooOld } : undefined;
}

function checkModule(ctx: CheckContext, module: TfModule): Report<MessageId>[] {
  const version = azurermVersion(module);
  const pin = pinText(version) ?? 'unknown';
  const plans = new Map<string, Plan[]>();
  // plain functions pushing into one list: a generator per resource and change cost more than the (rare) reports
  const out: Report<MessageId>[] = [];
  for (const resource of module.resources) {
    let list = plans.get(resource.type);
    if (!list) plans.set(resource.type, (list = (CHANGES_BY_TYPE.get(resource.type) ?? []).flatMap((c) => planFor(c, version) ?? [])));
    for (const plan of list) checkChange(ctx, resource, plan, version, pin, out);
  }
  return out;
}

function checkChange(ctx: CheckContext, resource: TfResource, plan: Plan, v: AzurermVersion, pin: string, out: Report<MessageId>[]): void {
  const { change, status } = plan;
  if (plan.required) {
    missingRequired(resource, change, pin, out);
    return;
  }
  const oldSites = change.oldPath && status && status !== 'accepted' ? sitesOf(resource, change.oldPath) : NO_SITES;
  if (change.oldPath && oldSites.length > 0) {
    for (const site of oldSites) {
      if (change.kind === 'value-removed' && !(site.kind === 'attribute' && site.attribute.value.kind === 'string' && site.attribute.value.value === change.value)) continue;
      const where = siteRange(site, change.kind === 'value-removed');
      const old = change.oldPath.split('.').pop()!;
      if (status === 'rejected') out.push({ messageId: 'removed', data: { advice: change.advice, pin }, ...where, fixes: (c) => fixesFor(c, resource, change, site) });
      else if (status === 'deprecated') out.push({ messageId: 'deprecated', data: { old, pin, advice: change.advice }, ...where, fixes: (c) => fixesFor(c, resource, change, site) });
      else if (status === 'unsure') out.push({ messageId: 'hint', data: { advice: change.advice, pinNote: pinNote(v, pin, change.changedIn) }, ...where });
    }
  }
  const newSites = plan.tooOld && change.newPath ? sitesOf(resource, change.newPath) : NO_SITES;
  if (change.newPath && newSites.length > 0) {
    for (const site of newSites) {
      const name = change.newPath.split('.').pop()!;
      const back = change.kind === 'renamed' && change.fix === 'rename' && site.kind === 'attribute' ? renameBack(ctx, site, change) : [];
      out.push({ messageId: 'tooNew', data: { name, since: change.changedIn, pin }, ...siteRange(site, false), fixes: back });
    }
  }
}

const NO_SITES: readonly Site[] = [];

function pinNote(v: AzurermVersion, pin: string, since: string): string {
  if (v.major === undefined) return 'The azurerm version of this module is not pinned to one major version; check which spelling yours expects.';
  return `This module allows azurerm ${pin}, which spans versions before and after ${since}; check which spelling yours expects.`;
}

function missingRequired(resource: TfResource, change: AttributeChange, pin: string, out: Report<MessageId>[]): void {
  const path = change.oldPath!;
  const last = path.split('.').pop()!;
  // Its predecessor being present is reported as a rename instead.
  const predecessor = ATTRIBUTE_CHANGES.find((c) => c.resource === change.resource && c.newPath === path && c.oldPath);
  if (predecessor && sitesOf(resource, predecessor.oldPath!).length > 0) return;
  for (const parent of parentsOf(resource, path)) {
    if (parent.attribute(last) || parent.blocks(last).length > 0 || parent.hasDynamic(last)) continue;
    const range = parent === resource ? resource.typeRange : parent.node.type.range;
    out.push({ messageId: 'missingRequired', data: { advice: change.advice, pin }, file: parent.file, range });
  }
}

function siteRange(site: Site, value: boolean): { file: string; range: { start: number; end: number } } {
  if (site.kind === 'block') return { file: site.block.file, range: site.block.node.type.range };
  return { file: site.attribute.file, range: value ? site.attribute.expr.range : site.attribute.node.name.range };
}

function fixesFor(ctx: CheckContext, resource: TfResource, change: AttributeChange, site: Site): Fix[] {
  const file = ctx.getFile(site.kind === 'attribute' ? site.attribute.file : site.block.file);
  if (!file || site.kind !== 'attribute') return [];
  const oldName = site.attribute.name;
  if (change.fix === 'rename' && change.newPath) {
    const newName = change.newPath.split('.').pop()!;
    if (site.parent.attribute(newName)) return [];
    // parent_id + resource_group_name were the <= 4.64 pair; user_assigned_identity_id replaces both.
    const rg = change.oldPath === 'parent_id' ? resource.attribute('resource_group_name') : undefined;
    const edits = editAttributes(file, site.parent.node, { rename: new Map([[site.attribute.node, newName]]), remove: rg ? [rg.node] : [] });
    return [fix(`Rename ${oldName} to ${newName}${rg ? ' and delete resource_group_name' : ''}`, edits)];
  }
  if (change.fix === 'delete') return [fix(`Delete ${oldName}`, removeAttribute(file, site.parent.node, site.attribute.node))];
  return [];
}

function renameBack(ctx: CheckContext, site: Site & { kind: 'attribute' }, change: AttributeChange): Fix[] {
  const file = ctx.getFile(site.attribute.file);
  const oldName = change.oldPath!.split('.').pop()!;
  if (!file || site.parent.attribute(oldName)) return [];
  return [fix(`Rename ${site.attribute.name} to ${oldName}`, renameAttribute(file, site.parent.node, site.attribute.node, oldName))];
}
