import type { CheckContext } from '../kit/define-rule';
import type { TextRange } from '../../text/text-range';
import type { K8sObject } from '../../model/kubernetes/object';
import { configMapView, type ConfigMapEntry, type ConfigMapView } from '../../model/kubernetes/config-map';
import type { TfKubernetesObject, TfResource } from '../../model/terraform/model-types';
import { COREDNS_CUSTOM_CONFIGMAP, COREDNS_NAMESPACE, customKeyKind } from '../../model/coredns/aks-default';
import { parseCorefile } from '../../syntax/corefile/parse-corefile';
import type { CorefileParseResult } from '../../syntax/corefile/corefile-ast';
import { memoOn } from '../kit/memo-on';
import { objectSites } from '../kit/site-lists';

// The ConfigMaps CoreDNS rules look at, from YAML and from Terraform kubernetes_config_map* resources alike, and
// the Corefile text of their `.override` / `.server` values, parsed once per check.

export interface ConfigMapSite {
  readonly object: K8sObject;
  readonly view: ConfigMapView;
  readonly file: string;
  readonly origin: 'yaml' | 'terraform';
  /** the declaring resource for Terraform objects */
  readonly resource: TfResource | undefined;
  readonly management: 'create' | 'patch';
}

// Four CDNS rules ask on every edit: each side's sites are kept with that side's object list (which survives edits
// to the other side), each site with its object (so the facts memoised on a site, its parsed Corefiles included,
// survive edits to other files), and the lists are the same arrays while they hold the same sites (site-lists.ts).
export function configMapSites(ctx: CheckContext): readonly ConfigMapSite[] {
  return objectSites('cdns-sites', ctx.k8sObjects(), yamlSite, ctx.terraform().kubernetesObjects, terraformSite);
}

function yamlSite(object: K8sObject): ConfigMapSite | undefined {
  const view = configMapView(object);
  return view && { object, view, file: object.source.file, origin: 'yaml', resource: undefined, management: 'create' };
}

// the management follows from the resource's type, so a site kept for the same resource stays right
function terraformSite(t: TfKubernetesObject): ConfigMapSite | undefined {
  const view = configMapView(t.object);
  return view && { object: t.object, view, file: t.resource.file, origin: 'terraform', resource: t.resource, management: t.management };
}

export function hasCustomKeys(view: ConfigMapView): boolean {
  return view.data.some((e) => customKeyKind(e.key) !== 'invalid');
}

/**
 * Meant to customise AKS CoreDNS: named coredns-custom, or carrying `.override`/`.server` keys while sitting in
 * kube-system or being named after CoreDNS. Other ConfigMaps with such keys are somebody else's business.
 */
export function isCorednsCustomisation(site: ConfigMapSite): boolean {
  return memoOn(site, 'customisation', () => customises(site));
}

function customises(site: ConfigMapSite): boolean {
  const { name, namespace } = site.object;
  if (name === COREDNS_CUSTOM_CONFIGMAP) return true;
  if (!hasCustomKeys(site.view)) return false;
  return namespace === COREDNS_NAMESPACE || (name !== undefined && /core-?dns/i.test(name));
}

export interface CorefileValue {
  readonly entry: ConfigMapEntry;
  readonly kind: 'override' | 'server';
  readonly text: string;
  readonly parsed: CorefileParseResult;
  /** Corefile offsets -> file range (exact in YAML block scalars; the whole value for Terraform strings) */
  map(range: TextRange): TextRange;
}

/** The `.override` / `.server` string values of a customisation ConfigMap, parsed in the mode AKS uses them. */
export function corefileValues(site: ConfigMapSite): readonly CorefileValue[] {
  // parsed once per site (sites are kept across runs), not once per rule and run
  return memoOn(site, 'corefile-values', () => parseValues(site));
}

function parseValues(site: ConfigMapSite): CorefileValue[] {
  if (!isCorednsCustomisation(site)) return [];
  const out: CorefileValue[] = [];
  for (const entry of site.view.data) {
    const kind = customKeyKind(entry.key);
    if (kind === 'invalid' || entry.text === undefined) continue;
    const parsed = parseCorefile(entry.text, kind === 'override' ? 'directives' : 'servers');
    out.push({ entry, kind, text: entry.text, parsed, map: (r) => entry.mapRange(r) });
  }
  return out;
}
