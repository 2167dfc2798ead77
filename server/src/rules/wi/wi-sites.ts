import type { Expr } from '../../syntax/hcl/ast';
import type { CheckContext } from '../kit/define-rule';
import type { K8sObject } from '../../model/kubernetes/object';
import type { TerraformModel, TfKubernetesObject, TfResource } from '../../model/terraform/model-types';
import { memoOn } from '../kit/memo-on';
import { objectSites } from '../kit/site-lists';
import { podSpecOf, type PodSpecView } from '../../model/kubernetes/pod-spec';
import { serviceAccountView, type ServiceAccountView } from '../../model/kubernetes/service-account';
import { scalarText, type KEntry } from '../../model/kubernetes/k-value';
import { kubernetesWorkloadsOf } from '../../model/terraform/kubernetes-workloads';

// The Kubernetes objects workload-identity rules read, from YAML manifests and from Terraform kubernetes_* resources
// alike (service accounts, kubernetes_manifest workloads), each with the Terraform resource that declares it.

export interface Site<T> {
  readonly view: T;
  readonly object: K8sObject;
  readonly resource: TfResource | undefined;
}

function terraformObjects(model: TerraformModel): readonly TfKubernetesObject[] {
  return memoOn(model, 'wi-objects', () => [...model.kubernetesObjects.filter((t) => t.management === 'create'), ...model.modules.flatMap(kubernetesWorkloadsOf)]);
}

export function serviceAccounts(ctx: CheckContext): readonly Site<ServiceAccountView>[] {
  return viewSites(ctx, 'wi-sa', serviceAccountView);
}

export function podSpecs(ctx: CheckContext): readonly Site<PodSpecView>[] {
  return viewSites(ctx, 'wi-pod', podSpecOf);
}

/** Objects with a top-level label `key`, and the label: YAML manifests, then Terraform's objects. */
export function labelSites(ctx: CheckContext, key: string): readonly Site<KEntry>[] {
  return viewSites(ctx, `label:${key}`, (o) => o.label(key));
}

// WI rules run on every edit of either side: each side's sites are kept with that side's list (which survives edits
// to the other side), each site with its object, and the lists are the same arrays while they hold the same sites
// (site-lists.ts), so indexes over them (byName) survive edits that touch none of their objects.
function viewSites<V>(ctx: CheckContext, tag: string, viewOf: (o: K8sObject) => V | undefined): readonly Site<V>[] {
  const site = (object: K8sObject, resource: TfResource | undefined): Site<V> | undefined => {
    const view = viewOf(object);
    return view ? { view, object, resource } : undefined;
  };
  return objectSites(`wi:${tag}`, ctx.k8sObjects(), (o) => site(o, undefined), terraformObjects(ctx.terraform()), (t) => site(t.object, t.resource));
}

export interface SaMatch {
  readonly sa: Site<ServiceAccountView>;
  /** false when a namespace is not set on one side, so the match is by name only */
  readonly exact: boolean;
}

/**
 * ServiceAccounts named `name`: in `namespace` when both sides set one. When either side has none (a manifest without
 * metadata.namespace lands wherever it is applied, aks-rules.md §5.2) the match is by name, and only in the folder of
 * `fromFile`: unrelated projects of one workspace reuse names.
 */
export function findServiceAccounts(sas: readonly Site<ServiceAccountView>[], namespace: string | undefined, name: string, fromFile: string): SaMatch[] {
  const out: SaMatch[] = [];
  for (const sa of byName(sas).get(name) ?? []) {
    const ns = sa.object.namespace;
    if (ns !== undefined && namespace !== undefined) {
      if (ns === namespace) out.push({ sa, exact: true });
    } else if (dirOf(sa.object.source.file) === dirOf(fromFile)) out.push({ sa, exact: false });
  }
  return out;
}

/** The list grouped by object name, in list order (asked once per pod). */
function byName(sas: readonly Site<ServiceAccountView>[]): ReadonlyMap<string | undefined, Site<ServiceAccountView>[]> {
  return memoOn(sas, 'by-name', () => {
    const index = new Map<string | undefined, Site<ServiceAccountView>[]>();
    for (const sa of sas) {
      const list = index.get(sa.object.name);
      if (list) list.push(sa);
      else index.set(sa.object.name, [sa]);
    }
    return index;
  });
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The service account a pod runs as: serviceAccountName, or `default`; undefined when not a known string. */
export function podServiceAccountName(pod: PodSpecView): string | undefined {
  if (!pod.serviceAccountName) return 'default';
  return scalarText(pod.serviceAccountName);
}

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Placeholders filled in by envsubst, Kustomize or pipelines (`${CLIENT_ID}`, `<client-id>`, `#{id}#`, `CLIENT_ID`) are not values yet. */
export function isPlaceholder(value: string): boolean {
  return /[$<>{}%#]/.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value.trim()) || value.trim() === '';
}

/** The HCL expression of `metadata { annotations = { "<key>" = <expr> } }` of a kubernetes_* resource. */
export function annotationExpr(resource: TfResource, key: string): { expr: Expr; file: string } | undefined {
  const attr = resource.block('metadata')?.attribute('annotations');
  if (attr?.expr.kind !== 'Object') return undefined;
  for (const item of attr.expr.items) {
    const k = item.key.kind === 'Parens' ? item.key.expr : item.key;
    const text = k.kind === 'Template' && k.parts.length === 1 && k.parts[0].kind === 'TemplateLiteral' ? k.parts[0].value : undefined;
    if (text === key) return { expr: item.value, file: attr.file };
  }
  return undefined;
}
