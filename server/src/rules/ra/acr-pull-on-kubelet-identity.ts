import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, replaceRange } from '../kit/fix';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { ClusterFacts } from '../../model/identity/cluster-facts';
import { identityMapEntry, type IdentityKey } from '../../model/azure/identity-map';
import { classifyPrincipal, kubeletPrincipalExpr, type PrincipalInfo } from './principal';
import { assignedRole } from './role-of';
import { resolveScope } from './scope';
import { isStringLiteral, perGroupRoleAssignments, stringValue } from './tf-modules';

// AKS-RA-002. Nodes pull images with the kubelet (agent pool) identity, so an image-pull role granted to the
// control-plane or an add-on identity never takes effect; ABAC-mode registries ignore AcrPull altogether.

const PULL_ROLES = new Set(['AcrPull', 'Container Registry Repository Reader']);
const REPOSITORY_READER = 'Container Registry Repository Reader';
const REGISTRY_TYPE = 'azurerm_container_registry';

type MessageId = 'wrongIdentity' | 'abacRegistry';

export const rule = defineRule({
  code: 'AKS-RA-002',
  name: 'acr-pull-on-kubelet-identity',
  title: 'Image-pull roles go to the kubelet identity',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'AcrPull granted to the cluster (control-plane) or an add-on identity does not let nodes pull images; ABAC registries ignore AcrPull.',
    rationale:
      '"The AKS to ACR integration assigns the AcrPull role to the Microsoft Entra ID managed identity associated with the agent pool": ' +
      'the kubelet identity. In Terraform that is `azurerm_kubernetes_cluster.<X>.kubelet_identity[0].object_id`, or the `principal_id` of a ' +
      'bring-your-own kubelet `azurerm_user_assigned_identity`. Granting the role to `identity[0].principal_id` (the control plane) is the ' +
      'classic mistake (Azure/AKS#1428): image pulls then fail with 401 Unauthorized.\n\n' +
      'Registries with `role_assignment_mode = "AbacRepositoryPermissions"` do not honour AcrPull; grant ' +
      '"Container Registry Repository Reader" instead.\n\n' +
      'The rule only reports principals it can resolve through references; literal object IDs and module outputs are not judged.',
    links: [
      'https://learn.microsoft.com/azure/aks/cluster-container-registry-integration',
      'https://learn.microsoft.com/azure/aks/aks-service-permissions',
    ],
  },
  messages: {
    wrongIdentity:
      '{role} is assigned to the {identity} of {cluster}. Nodes pull images with the kubelet identity; pulls will fail with 401 Unauthorized.',
    abacRegistry: 'Registry {registry} uses ABAC repository permissions, which ignore AcrPull; assign "Container Registry Repository Reader" to the kubelet identity.',
  },
  fixable: true,
  *check(ctx) {
    yield* perGroupRoleAssignments(ctx, 'AKS-RA-002', (module, resource, clusters) => checkAssignment(ctx, module, resource, clusters));
  },
});

function* checkAssignment(ctx: CheckContext, module: TfModule, ra: TfResource, clusters: readonly ClusterFacts[]): Generator<Report<MessageId>> {
  const role = assignedRole(module, ra);
  const scopeAttr = ra.attribute('scope');
  const principal = ra.attribute('principal_id');
  if (!role?.builtIn || !PULL_ROLES.has(role.builtIn.name) || !scopeAttr) return;
  const scope = resolveScope(module, scopeAttr);
  const isRegistry = scope?.type === REGISTRY_TYPE || scope?.armType?.toLowerCase() === 'microsoft.containerregistry/registries';
  if (!scope || !isRegistry) return;
  const who = principal && classifyPrincipal(module, principal, clusters);
  if (principal && who && who.role !== 'kubelet') {
    const file = ctx.getFile(principal.file);
    const replacement = kubeletPrincipalExpr(module, who.facts);
    yield {
      messageId: 'wrongIdentity',
      data: { role: role.builtIn.name, identity: identityWords(who), cluster: who.facts.cluster.address },
      file: principal.file,
      range: principal.expr.range,
      fixes: file && replacement ? [fix(`Assign to the kubelet identity (${replacement})`, replaceRange(file, principal.expr.range, replacement))] : [],
    };
  }
  const registry = scope.resource;
  if (role.builtIn.name === 'AcrPull' && registry && stringValue(registry.attribute('role_assignment_mode')) === 'AbacRepositoryPermissions') {
    const file = ctx.getFile(role.attribute.file);
    const literal = role.via === 'name' && isStringLiteral(role.attribute.expr);
    yield {
      messageId: 'abacRegistry',
      data: { registry: registry.address },
      file: role.attribute.file,
      range: role.attribute.expr.range,
      fixes: file && literal ? [fix(`Use "${REPOSITORY_READER}"`, replaceRange(file, role.attribute.expr.range, JSON.stringify(REPOSITORY_READER)))] : [],
    };
  }
}

function identityWords(p: PrincipalInfo): string {
  return p.role === 'control-plane' ? 'control-plane identity' : `${identityMapEntry(p.role as IdentityKey)?.title ?? p.role} identity`;
}
