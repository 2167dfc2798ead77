import type { TfBlock, TfModule, TfResource } from '../terraform/model-types';
import { refText } from '../terraform/value';
import { IDENTITY_MAP, type IdentityKey } from '../azure/identity-map';
import { resourceTypeOf, trace, traceList, type TracedRef } from './trace';
import { memoWithReads, type WithReads } from '../terraform/attribute-reads';

// What a cluster declares about its identities, read from the Terraform model: control-plane type and BYO identity,
// kubelet identity, legacy service principal and enabled add-ons. Internal (holds model objects); identity-model.ts
// turns it into plain data.

export const UAI = 'azurerm_user_assigned_identity';
export const CLUSTER = 'azurerm_kubernetes_cluster';

export type ControlPlaneType = 'SystemAssigned' | 'UserAssigned' | 'ServicePrincipal' | 'unknown';

export interface ClusterFacts {
  readonly cluster: TfResource;
  readonly module: TfModule;
  readonly controlPlane: {
    readonly type: ControlPlaneType;
    readonly identityBlock?: TfBlock;
    readonly servicePrincipalBlock?: TfBlock;
    /** identity_ids[0] when it traces to an azurerm_user_assigned_identity */
    readonly uai?: TracedRef;
  };
  readonly kubelet: {
    readonly block?: TfBlock;
    /** kubelet_identity.user_assigned_identity_id when it traces to an azurerm_user_assigned_identity */
    readonly uai?: TracedRef;
  };
  readonly addons: readonly AddonFacts[];
}

export interface AddonFacts {
  readonly key: IdentityKey;
  /** the input block (`oms_agent`) or the enabling attribute's node (`azure_policy_enabled`) */
  readonly at: { readonly file: string; readonly range: { start: number; end: number } };
  readonly block?: TfBlock;
}

/** Input block of each add-on whose identity AKS creates (azure policy is an attribute). */
const ADDON_BLOCKS: readonly [IdentityKey, string][] = [
  ['addon:omsagent', 'oms_agent'],
  ['addon:azureKeyvaultSecretsProvider', 'key_vault_secrets_provider'],
  ['addon:ingressApplicationGateway', 'ingress_application_gateway'],
  ['addon:webAppRouting', 'web_app_routing'],
  ['addon:aciConnectorLinux', 'aci_connector_linux'],
];

export function clusterFacts(cluster: TfResource): ClusterFacts {
  const module = cluster.module;
  const identityBlock = cluster.block('identity');
  const servicePrincipalBlock = cluster.block('service_principal');
  const typeValue = identityBlock?.attribute('type')?.value;
  let type: ControlPlaneType = 'unknown';
  if (identityBlock && typeValue?.kind === 'string' && (typeValue.value === 'SystemAssigned' || typeValue.value === 'UserAssigned')) type = typeValue.value;
  else if (!identityBlock && servicePrincipalBlock && !cluster.hasDynamic('identity')) type = 'ServicePrincipal';
  let uai: TracedRef | undefined;
  const ids = identityBlock?.attribute('identity_ids');
  if (type === 'UserAssigned' && ids) {
    const first = traceList(module, ids.expr, ids.file)?.[0];
    if (first?.kind === 'ref' && resourceTypeOf(first.address) === UAI) uai = first;
  }
  const kubeletBlock = cluster.block('kubelet_identity');
  const kubeletId = kubeletBlock?.attribute('user_assigned_identity_id');
  const kubeletTraced = kubeletId && trace(module, kubeletId.expr, kubeletId.file);
  const kubeletUai = kubeletTraced?.kind === 'ref' && resourceTypeOf(kubeletTraced.address) === UAI ? kubeletTraced : undefined;
  return {
    cluster,
    module,
    controlPlane: { type, identityBlock, servicePrincipalBlock, uai },
    kubelet: { block: kubeletBlock, uai: kubeletUai },
    addons: addonsOf(cluster),
  };
}

function addonsOf(cluster: TfResource): AddonFacts[] {
  const out: AddonFacts[] = [];
  for (const [key, blockType] of ADDON_BLOCKS) {
    const block = cluster.block(blockType);
    if (block) out.push({ key, at: { file: block.file, range: block.node.type.range }, block });
  }
  const policy = cluster.attribute('azure_policy_enabled');
  if (policy?.value.kind === 'bool' && policy.value.value) out.push({ key: 'addon:azurepolicy', at: { file: policy.file, range: policy.node.name.range } });
  return out;
}

/**
 * Every cluster of the modules. A cluster whose address is declared twice in its module is skipped: Terraform rejects
 * the module ("Duplicate resource"), and references to that address cannot say which block they mean.
 */
export function allClusterFacts(modules: readonly TfModule[]): ClusterFacts[] {
  return modules.flatMap(moduleClusterFacts);
}

// Facts are pure functions of a module instance, and file rules ask for them once per file: memoised per instance,
// so a new Terraform model (a new snapshot) recomputes them while the same model never does twice.
const factsByModule = new WeakMap<TfModule, WithReads<readonly ClusterFacts[]>>();

/** The clusters of one module (see allClusterFacts), memoised per module instance. */
export function moduleClusterFacts(m: TfModule): readonly ClusterFacts[] {
  return memoWithReads(factsByModule, m, () => {
    const clusters = m.resourcesOfType(CLUSTER);
    // counted once (a nested filter was quadratic in clusters per module)
    const count = new Map<string, number>();
    for (const c of clusters) count.set(c.address, (count.get(c.address) ?? 0) + 1);
    return clusters.filter((c) => count.get(c.address) === 1).map(clusterFacts);
  });
}

/** Which identity of which cluster a traced principal/client/object id names. */
export interface IdentityMatch {
  readonly facts: ClusterFacts;
  readonly role: IdentityKey;
  /** the attribute read: principal_id, object_id, client_id, ... */
  readonly attribute: string;
  /** true when the reference goes through the cluster's exported attributes (`azurerm_kubernetes_cluster.x.identity[0]...`) */
  readonly viaCluster: boolean;
}

export function matchIdentity(ref: TracedRef, clusters: readonly ClusterFacts[]): IdentityMatch[] {
  const last = ref.path[ref.path.length - 1];
  const attribute = typeof last === 'string' ? last : '';
  const type = resourceTypeOf(ref.address);
  if (type === UAI && ref.path.length === 1) {
    const owners = indexOf(clusters).uais.get(ref.module)?.get(uaiKey(ref)) ?? [];
    return owners.map(({ facts, role }) => ({ facts, role, attribute, viaCluster: false }));
  }
  if (type !== CLUSTER || ref.address.startsWith('data.')) return [];
  const facts = indexOf(clusters).clusters.get(ref.module)?.get(ref.address);
  if (!facts) return [];
  const dotted = ref.path.slice(0, -1).map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  const entry = IDENTITY_MAP.find((e) => e.terraformIds.block === dotted);
  return entry ? [{ facts, role: entry.key, attribute, viaCluster: true }] : [];
}

// matchIdentity runs per role assignment (and per cluster x assignment in requirements): scanning every cluster each
// time made a module with many clusters quadratic or worse. Indexed once per cluster list, keeping the list's order.
interface ClusterIndex {
  readonly uais: Map<TfModule, Map<string, { facts: ClusterFacts; role: IdentityKey }[]>>;
  readonly clusters: Map<TfModule, Map<string, ClusterFacts>>;
}
const indexes = new WeakMap<readonly ClusterFacts[], WithReads<ClusterIndex>>();

function uaiKey(ref: { address: string; instance?: { key: string | number | undefined } }): string {
  const key = ref.instance?.key;
  return `${ref.address}\u0000${key === undefined ? 'none' : `${typeof key}:${key}`}`;
}

function indexOf(clusters: readonly ClusterFacts[]): ClusterIndex {
  return memoWithReads(indexes, clusters, () => indexClusters(clusters));
}

function indexClusters(clusters: readonly ClusterFacts[]): ClusterIndex {
  const index: ClusterIndex = { uais: new Map(), clusters: new Map() };
  const addUai = (uai: TracedRef | undefined, facts: ClusterFacts, role: IdentityKey): void => {
    if (!uai) return;
    let byKey = index!.uais.get(uai.module);
    if (!byKey) index!.uais.set(uai.module, (byKey = new Map()));
    const list = byKey.get(uaiKey(uai));
    if (list) list.push({ facts, role });
    else byKey.set(uaiKey(uai), [{ facts, role }]);
  };
  for (const facts of clusters) {
    addUai(facts.controlPlane.uai, facts, 'control-plane');
    addUai(facts.kubelet.uai, facts, 'kubelet');
    let byAddress = index.clusters.get(facts.module);
    if (!byAddress) index.clusters.set(facts.module, (byAddress = new Map()));
    if (!byAddress.has(facts.cluster.address)) byAddress.set(facts.cluster.address, facts);
  }
  return index;
}

/** `azurerm_user_assigned_identity.x` (with its instance key) as Terraform writes it. */
export function addressText(ref: { address: string; instance?: { key: string | number | undefined } }): string {
  return refText({ address: ref.address, instance: ref.instance, path: [] });
}
