import { defineRule } from '../kit/define-rule';
import { clusterLabel, requirementFix, requirements } from './requirement-report';

// AKS-RA-003 (aks-rules.md §4.2, Lesson 2 item 3): a BYO subnet needs Network Contributor for the control-plane identity.
export const rule = defineRule({
  code: 'AKS-RA-003',
  name: 'network-contributor-on-subnet',
  title: 'Cluster identity has Network Contributor on its BYO subnet',
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A cluster placed in your own subnet needs its control-plane identity to hold Network Contributor on that subnet (or its VNet, resource group or subscription).',
    rationale:
      '"The cluster identity used by the AKS cluster must have at least Network Contributor permissions on the subnet within the virtual network" ' +
      '(AKS docs, concepts-network-legacy-cni.md). A custom role needs at least `Microsoft.Network/virtualNetworks/subnets/join/action` and ' +
      '`Microsoft.Network/virtualNetworks/subnets/read`. The Azure CLI grants it automatically; Terraform does not, so the assignment ' +
      'must be declared. With a system-assigned identity the principal only exists after the cluster is created, so the role can only be ' +
      'granted afterwards (and propagation may take up to 60 minutes); AKS recommends a user-assigned control-plane identity for non-CLI deployments.\n\n' +
      'The check follows `vnet_subnet_id`, `pod_subnet_id` (default pool and `azurerm_kubernetes_cluster_node_pool`) and ' +
      '`api_server_access_profile.subnet_id` to `azurerm_subnet` resources, and accepts Network Contributor, Contributor or Owner on the subnet, ' +
      'its VNet, its resource group or the subscription. It stays silent when a role assignment\'s role, principal or scope is not statically known.\n\n' +
      'The fix inserts an `azurerm_role_assignment` after the cluster and, for a user-assigned identity, adds it to the cluster\'s `depends_on`.',
    links: ['https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni', 'https://learn.microsoft.com/azure/aks/configure-kubenet'],
  },
  messages: {
    missing:
      'The control-plane identity of cluster "{cluster}" has no "Network Contributor" on subnet {subnet} (or its VNet, resource group or subscription); AKS needs it to join the subnet and manage load balancers and route tables.',
    missingSystemAssigned:
      'The system-assigned identity of cluster "{cluster}" has no "Network Contributor" on subnet {subnet} (or its VNet, resource group or subscription). A system-assigned principal exists only after creation, so the role can only be granted afterwards; prefer a user-assigned control-plane identity.',
  },
  fixable: true,
  *check(ctx) {
    for (const req of requirements(ctx, 'AKS-RA-003')) {
      if (req.status !== 'missing') continue;
      const system = req.facts.controlPlane.type === 'SystemAssigned';
      yield {
        messageId: system ? 'missingSystemAssigned' : 'missing',
        data: { cluster: clusterLabel(req), subnet: req.targetText },
        file: req.via.file,
        range: req.via.range,
        fixes: (c) => requirementFix(c, req),
      };
    }
  },
});
