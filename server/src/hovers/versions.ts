import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import { ATTRIBUTE_CHANGES, type AttributeChange } from '../model/azure/attribute-renames';
import { azurermVersion } from '../rules/ver/azurerm-version';
import { pinText, sitesOf, statusFor, type Site } from '../rules/ver/change-sites';

// Hover on an azurerm argument that §2.2 lists as renamed/removed (old name) or introduced (new name): the change,
// what the module's pinned azurerm version does with it, and the upgrade guide it comes from (AKS-VER-001).

const STATUS_WORDS = {
  rejected: 'no longer accepted',
  deprecated: 'still accepted, but deprecated',
  accepted: 'accepted',
  unsure: 'not known (the azurerm version is not pinned precisely enough)',
} as const;

export function hoverVersions(ws: Workspace, file: string, offset: number): { markdown: string; range: TextRange } | undefined {
  for (const module of ws.terraform().modules) {
    const version = azurermVersion(module);
    for (const resource of module.resources) {
      if (resource.file !== file || offset < resource.range.start || offset > resource.range.end) continue;
      for (const change of ATTRIBUTE_CHANGES) {
        if (change.resource !== resource.type) continue;
        for (const [path, old] of [[change.oldPath, true], [change.newPath, false]] as const) {
          const site = path ? sitesOf(resource, path).find((s) => inside(nameRange(s), offset)) : undefined;
          if (!site) continue;
          const status = old ? `In this module (azurerm ${pinText(version) ?? 'version not pinned'}): ${STATUS_WORDS[statusFor(change, version)]}.` : undefined;
          return { markdown: markdownOf(change, status), range: nameRange(site) };
        }
      }
    }
  }
  return undefined;
}

function markdownOf(change: AttributeChange, status: string | undefined): string {
  const lines = [`**azurerm ${change.changedIn}**: ${change.advice}`];
  if (change.note) lines.push('', change.note);
  if (status) lines.push('', status);
  lines.push('', `Source: hashicorp/terraform-provider-azurerm ${change.source}`);
  return lines.join('\n');
}

function nameRange(site: Site): TextRange {
  return site.kind === 'attribute' ? site.attribute.node.name.range : site.block.node.type.range;
}

const inside = (r: TextRange, offset: number): boolean => r.start <= offset && offset <= r.end;
