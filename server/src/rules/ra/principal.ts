import type { TfAttribute, TfModule } from '../../model/terraform/model-types';
import { addressText, matchIdentity, type ClusterFacts } from '../../model/identity/cluster-facts';
import { trace } from '../../model/identity/trace';

// Which AKS identity a role assignment's principal_id names, via the identity model (aks-rules.md §2.3, §5.1).
// Only principals traced to a cluster's identity count; literal GUIDs and client IDs are left to other rules.

export interface PrincipalInfo {
  /** 'control-plane', 'kubelet' or 'addon:<key>' (identity-map keys) */
  readonly role: string;
  readonly facts: ClusterFacts;
}

export function classifyPrincipal(module: TfModule, principal: TfAttribute, clusters: readonly ClusterFacts[]): PrincipalInfo | undefined {
  const t = trace(module, principal.expr, principal.file);
  if (t?.kind !== 'ref') return undefined;
  const matches = matchIdentity(t, clusters).filter((m) => m.attribute === 'principal_id' || m.attribute === 'object_id');
  // One UAI used as both control plane and kubelet (the doc sample) is a kubelet identity: its pull role works.
  const pick = matches.find((m) => m.role === 'kubelet') ?? matches[0];
  return pick && { role: pick.role, facts: pick.facts };
}

/**
 * The kubelet principal as an expression in `module`: the BYO kubelet UAI's principal_id, else the exported
 * kubelet_identity[0].object_id. Undefined when it cannot be written from there (other module, counted cluster).
 */
export function kubeletPrincipalExpr(module: TfModule, facts: ClusterFacts): string | undefined {
  if (facts.module !== module || facts.cluster.isCollection) return undefined;
  const uai = facts.kubelet.uai;
  if (uai) {
    const keyUnknown = uai.instance !== undefined && uai.instance.key === undefined;
    return uai.module === module && !keyUnknown ? `${addressText(uai)}.principal_id` : undefined;
  }
  if (facts.kubelet.block) return undefined;
  return `${facts.cluster.address}.kubelet_identity[0].object_id`;
}
