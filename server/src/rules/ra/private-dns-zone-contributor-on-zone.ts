import type { Requirement } from '../../model/identity/requirements';
import type { CheckContext, Fix, Report } from '../kit/define-rule';
import { defineRule } from '../kit/define-rule';
import { fix } from '../kit/fix';
import { addDependsOn } from './role-assignment-fix';
import { clusterLabel, requirementFix, requirements } from './requirement-report';

// AKS-RA-005 (aks-rules.md §4.2, Lesson 2 item 5): a BYO private DNS zone needs Private DNS Zone Contributor on the zone
// and Network Contributor on the VNet for the control-plane identity, granted before the cluster is created.
export const rule = defineRule({
  code: 'AKS-RA-005',
  name: 'private-dns-zone-contributor-on-zone',
  title: 'Cluster identity can manage its BYO private DNS zone',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A private cluster with a custom private DNS zone needs its control-plane identity to hold Private DNS Zone Contributor on the zone and Network Contributor on the VNet.',
    rationale:
      '"You also need a user-assigned identity or service principal with the Private DNS Zone Contributor and Network Contributor roles." ' +
      '(AKS docs, private-clusters.md). Without the zone role creation fails with `CustomPrivateDNSZoneMissingPermissionError`: "Service principal or ' +
      'user-assigned identity must be given permission to read and write to custom private dns zone <id>. Check access result not allowed for ' +
      'action Microsoft.Network/privateDnsZones/read." `DNS Zone Contributor` is for public Azure DNS zones and does not cover private zones. ' +
      'The azurerm example makes the cluster `depends_on` the role assignment, so the role exists before AKS needs it.\n\n' +
      'Private DNS Zone Contributor (or Contributor/Owner) on the zone, its resource group or the subscription satisfy the check; the VNet check ' +
      'runs when the cluster\'s subnet names an `azurerm_virtual_network`. Unknown assignments keep the rule silent.',
    links: ['https://learn.microsoft.com/azure/aks/private-clusters'],
  },
  messages: {
    missingZone:
      'The control-plane identity of cluster "{cluster}" has no "Private DNS Zone Contributor" on the custom private DNS zone {zone}; creation fails with CustomPrivateDNSZoneMissingPermissionError.',
    wrongRole:
      '"DNS Zone Contributor" does not cover private DNS zones: the control-plane identity of cluster "{cluster}" needs "Private DNS Zone Contributor" on {zone}.',
    missingVnet: 'With a custom private DNS zone the control-plane identity of cluster "{cluster}" also needs "Network Contributor" on the VNet {vnet}.',
    noDependsOn: 'Cluster "{cluster}" does not depend on {assignment}; without depends_on Terraform may create the cluster before the DNS zone role exists.',
  },
  messageSeverity: { missingVnet: 'warning', noDependsOn: 'info' },
  fixable: true,
  *check(ctx): Generator<Report<'missingZone' | 'wrongRole' | 'missingVnet' | 'noDependsOn'>> {
    for (const req of requirements(ctx, 'AKS-RA-005')) {
      const cluster = clusterLabel(req);
      const at = { file: req.via.file, range: req.via.range };
      if (req.kind === 'privateDnsVnet') {
        if (req.status === 'missing') yield { messageId: 'missingVnet', data: { cluster, vnet: req.targetText }, ...at, fixes: (c) => requirementFix(c, req) };
        continue;
      }
      if (req.status === 'missing') {
        yield { messageId: req.wrongRole ? 'wrongRole' : 'missingZone', data: { cluster, zone: req.targetText }, ...at, fixes: (c) => requirementFix(c, req) };
        continue;
      }
      const missingDep = req.status === 'satisfied' ? undeclaredDependency(req) : undefined;
      if (missingDep) {
        yield { messageId: 'noDependsOn', data: { cluster, assignment: `azurerm_role_assignment.${missingDep}` }, ...at, fixes: (c) => dependsOnFix(c, req, missingDep) };
      }
    }
  },
});

/** For a user-assigned control plane: the granting assignment (same module) the cluster does not depend on. */
function undeclaredDependency(req: Requirement): string | undefined {
  const { cluster, module, controlPlane } = req.facts;
  if (controlPlane.type !== 'UserAssigned') return undefined;
  const local = req.grantedBy.filter((ra) => ra.module === module && !ra.resource.isCollection);
  if (local.length !== req.grantedBy.length || local.length === 0) return undefined;
  const deps = cluster.attribute('depends_on');
  if (deps && deps.expr.kind !== 'Tuple') return undefined;
  const listed = new Set((deps?.expr.kind === 'Tuple' ? deps.expr.items : []).map((e) => module.referenceOf(e, deps!.file)?.address));
  return local.some((ra) => listed.has(ra.resource.address)) ? undefined : local[0].resource.name;
}

function dependsOnFix(ctx: CheckContext, req: Requirement, name: string): Fix[] {
  const file = ctx.getFile(req.facts.cluster.file);
  if (!file) return [];
  const edits = addDependsOn(file, req.facts.cluster, [name]);
  return edits.length ? [fix(`Add azurerm_role_assignment.${name} to depends_on`, ...edits)] : [];
}
