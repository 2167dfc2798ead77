import type { CheckContext } from '../kit/define-rule';
import type { K8sObject } from '../../model/kubernetes/object';
import { secretProviderClassView, type SecretProviderClassView } from '../../model/kubernetes/secret-provider-class';
import { podSpecOf, type PodSpecView, type PodVolume } from '../../model/kubernetes/pod-spec';
import { scalarText } from '../../model/kubernetes/k-value';
import { CSI_DRIVER_NAME, SPC_PROVIDER } from '../../model/azure/keyvault';
import { memoOn } from '../kit/memo-on';
import { objectSites } from '../kit/site-lists';

// The SecretProviderClasses and pod specs the Key Vault CSI rules read, from YAML manifests and from Terraform
// kubernetes_manifest resources alike. Fixes are offered on YAML only: a Terraform value's range is an HCL
// expression, where YAML text edits would be wrong.

export interface SpcSite {
  readonly view: SecretProviderClassView;
  readonly object: K8sObject;
  readonly file: string;
  readonly yaml: boolean;
}

export interface PodSite {
  readonly pod: PodSpecView;
  readonly object: K8sObject;
  readonly file: string;
  readonly yaml: boolean;
}

/** Every SecretProviderClass, Azure or not (see `isAzureSpc`). */
export function spcSites(ctx: CheckContext): readonly SpcSite[] {
  return viewSites(ctx, 'kv-spc', secretProviderClassView, (site) => site);
}

export function podSites(ctx: CheckContext): readonly PodSite[] {
  return viewSites(ctx, 'kv-pod', podSpecOf, ({ view, ...o }) => ({ pod: view, ...o }));
}

type ViewSite<V> = { view: V; object: K8sObject; file: string; yaml: boolean };

// Every KV rule asks on every edit: the sites of each object list (YAML, Terraform) are kept with the list, which
// survives edits to the other side, each site with its object (each object's view is kept with the object by the
// model), and the joined list with the pair of lists; the lists are the same arrays while they hold the same sites
// (site-lists.ts), so indexes over them (podsNaming) are built once per change to the objects they hold.
function viewSites<V, S>(ctx: CheckContext, tag: string, viewOf: (o: K8sObject) => V | undefined, toSite: (s: ViewSite<V>) => S): readonly S[] {
  const site = (object: K8sObject, file: string, yaml: boolean): S | undefined => {
    const view = viewOf(object);
    return view ? toSite({ view, object, file, yaml }) : undefined;
  };
  return objectSites(tag, ctx.k8sObjects(), (o) => site(o, o.source.file, true), ctx.terraform().kubernetesObjects, (t) => site(t.object, t.resource.file, false));
}

/**
 * The Azure provider's classes: `provider: azure`, or (no provider / a misspelling of it) Azure parameters.
 * Classes of other providers (vault, aws, gcp, ...) are not ours to check.
 */
export function isAzureSpc(view: SecretProviderClassView): boolean {
  const provider = scalarText(view.provider);
  if (provider === SPC_PROVIDER) return true;
  if (provider !== undefined && looksLikeAzure(provider)) return true;
  if (provider !== undefined || view.provider?.kind === 'unknown') return false;
  return !!(view.parameter('keyvaultName') || view.tenant);
}

export function looksLikeAzure(provider: string): boolean {
  return /azure|key-?vault/i.test(provider);
}

/** A parameter's string value as the provider reads it; undefined when missing, null, a placeholder or not statically known. */
export function paramText(view: SecretProviderClassView, name: string): string | undefined {
  return known(scalarText(view.parameter(name)?.value));
}

/** True for a CSI volume of the Secrets Store driver (or a near miss of its name: KV-005 reports those). */
export function isSecretsStoreVolume(v: PodVolume): boolean {
  const driver = scalarText(v.csi?.driver);
  return driver !== undefined && (driver === CSI_DRIVER_NAME || /secrets?-?store/i.test(driver));
}

/** The SecretProviderClass name a volume names, when it is a known string (not a template placeholder). */
export function volumeSpcName(v: PodVolume): string | undefined {
  return known(scalarText(v.csi?.secretProviderClass));
}

/** metadata.namespace, undefined when not set or a placeholder such as `$NAMESPACE` (§5.2: unknown namespace). */
export function namespaceOf(o: K8sObject): string | undefined {
  return known(o.namespace);
}

/** A value as written, or undefined when it is a template placeholder filled in later. */
export function known(text: string | undefined): string | undefined {
  return text !== undefined && isPlaceholder(text) ? undefined : text;
}

/**
 * SPCs a pod volume can resolve to. Namespaces as written (§5.2): an object without metadata.namespace is in an
 * unknown namespace, so it matches by name; `exact` tells whether both namespaces were known and equal.
 */
export function spcsForPod(spcs: readonly SpcSite[], podNamespace: string | undefined, name: string): { site: SpcSite; exact: boolean }[] {
  const out: { site: SpcSite; exact: boolean }[] = [];
  for (const site of spcs) {
    if (site.object.name !== name) continue;
    const ns = namespaceOf(site.object);
    if (ns !== undefined && podNamespace !== undefined && ns !== podNamespace) continue;
    out.push({ site, exact: ns !== undefined && ns === podNamespace });
  }
  return out;
}

/** Pods whose Secrets Store volumes name this SPC (same namespace, or by name when a namespace is unknown). */
export function podsMounting(site: SpcSite, pods: readonly PodSite[]): PodSite[] {
  const ns = namespaceOf(site.object);
  return podsNaming(pods, site.object.name).filter((p) => {
    const podNs = namespaceOf(p.object);
    return !(ns !== undefined && podNs !== undefined && ns !== podNs);
  });
}

/** Pods with a Secrets Store volume naming `name` (undefined: a volume whose name is not known), in list order. */
export function podsNaming(pods: readonly PodSite[], name: string | undefined): readonly PodSite[] {
  // indexed once per list: asked once per SecretProviderClass
  const index = memoOn(pods, 'pods-by-spc-name', () => {
    const byName = new Map<string | undefined, PodSite[]>();
    for (const p of pods) {
      for (const n of spcNamesOf(p)) {
        const list = byName.get(n);
        if (list) list.push(p);
        else byName.set(n, [p]);
      }
    }
    return byName;
  });
  return index.get(name) ?? [];
}

/** The class names a pod's Secrets Store volumes name, once per site (sites are kept across runs). */
function spcNamesOf(p: PodSite): ReadonlySet<string | undefined> {
  return memoOn(p, 'spc-names', () => new Set(p.pod.volumes.filter(isSecretsStoreVolume).map(volumeSpcName)));
}

// `<client-id>`, `$CLIENT_ID`, `${CLIENT_ID}`, `#{id}#`, `__ID__`: templates filled in later (docs, envsubst,
// pipelines), not values to judge
const PLACEHOLDER_RE = /[<>${}#%]|__/;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER_RE.test(text);
}
