import { defineRule } from '../kit/define-rule';
import { sameResource } from '../../model/identity/trace';
import { clusterLabel, requirementFix, requirements } from './requirement-report';

// AKS-RA-004 (aks-rules.md §4.2, Lesson 2 item 4): a BYO kubelet identity needs Managed Identity Operator for the control plane.
export const rule = defineRule({
  code: 'AKS-RA-004',
  name: 'managed-identity-operator-on-kubelet-identity',
  title: 'Control-plane identity can assign the BYO kubelet identity',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'With a pre-created kubelet identity, the control-plane identity needs "Managed Identity Operator" scoped to that identity.',
    rationale:
      '"For a user-assigned kubelet identity outside the default worker node resource group, assign the Managed Identity Operator role to the ' +
      'cluster\'s control plane identity, whether system-assigned or user-assigned, with the role assignment scoped to the kubelet identity." ' +
      '(AKS docs, managed-identity-overview.md). The azurerm acceptance tests use exactly `scope = azurerm_user_assigned_identity.<kubelet>.id`, ' +
      '`role_definition_name = "Managed Identity Operator"`, `principal_id = azurerm_user_assigned_identity.<control plane>.principal_id`.\n\n' +
      'When the control plane and the kubelet use the same identity (as the Terraform sample in pre-created-kubelet-managed-identity.md does), ' +
      'whether AKS still needs the self-assignment is UNVERIFIED, so that case is a warning. Managed Identity Operator, Contributor or Owner on the ' +
      'identity, its resource group or the subscription satisfy the check; it stays silent when an assignment is not statically known.\n\n' +
      'The fix inserts the assignment after the cluster and adds it to the cluster\'s `depends_on`.',
    links: ['https://learn.microsoft.com/azure/aks/managed-identity-overview', 'https://learn.microsoft.com/azure/aks/pre-created-kubelet-managed-identity'],
  },
  messages: {
    missing: 'The control-plane identity of cluster "{cluster}" needs "Managed Identity Operator" on the kubelet identity {kubelet}; without it AKS cannot assign the identity to the nodes.',
    sameIdentity:
      'Cluster "{cluster}" uses {kubelet} as both control-plane and kubelet identity and grants it no "Managed Identity Operator" on itself; AKS documents the role for any BYO kubelet identity (whether the self-assignment is needed is unverified).',
  },
  messageSeverity: { sameIdentity: 'warning' },
  fixable: true,
  *check(ctx) {
    for (const req of requirements(ctx, 'AKS-RA-004')) {
      if (req.status !== 'missing' || !('ref' in req.target)) continue;
      const cp = req.facts.controlPlane.uai;
      const same = cp !== undefined && sameResource(cp, req.target.ref);
      yield {
        messageId: same ? 'sameIdentity' : 'missing',
        data: { cluster: clusterLabel(req), kubelet: req.targetText },
        file: req.via.file,
        range: req.via.range,
        fixes: (c) => requirementFix(c, req),
      };
    }
  },
});
