import type { Expr } from '../../syntax/hcl/ast';
import type { CheckContext } from '../kit/define-rule';
import type { K8sObject } from '../../model/kubernetes/object';
import type { TerraformModel, TfResource } from '../../model/terraform/model-types';
import { memoOn } from '../kit/memo-on';
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

type ObjectSite = { object: K8sObject; resource: TfResource | undefined };

function terraformObjects(model: TerraformModel): readonly ObjectSite[] {
  return memoOn(model, 'wi-objects', () =>
    [...model.kubernetesObjects.filter((t) => t.management === 'create'), ...model.modules.flatMap(kubernetesWorkloadsOf)].map((t) => ({ object: t.object, resource: t.resource })),
  );
}

export function serviceAccounts(ctx: CheckContext): Site<ServiceAccountView>[] {
  return viewSites(ctx, 'wi-sa', serviceAccountView);
}

export function podSpecs(ctx: CheckContext): Site<PodSpecView>[] {
  return viewSites(ctx, 'wi-pod', podSpecOf);
}

/** Objects with a top-level label `key`, and the label: YAML manifests, then Terraform's objects. */
export function labelSites(ctx: CheckContext, key: string): Site<KEntry>[] {
  return viewSites(ctx, `label:${key}`, (o) => o.label(key));
}

// WI rules run on every edit of either side: each side's sites are kept with that side's list (which survives edits
// to the other side); each object's view is kept with the object by the model, and a label is a look-up.
function viewSites<V>(ctx: CheckContext, tag: string, viewOf: (o: K8sObject) => V | undefined): Site<V>[] {
  const yaml = ctx.k8sObjects();
  const model = ctx.terraform();
  const sites = (list: readonly K8sObject[], resourceOf: (i: number) => TfResource | undefined): Site<V>[] => {
    const out: Site<V>[] = [];
    for (let i = 0; i < list.length; i++) {
      const object = list[i];
      const view = viewOf(object);
      if (view) out.push({ view, object, resource: resourceOf(i) });
    }
    return out;
  };
  const fromYaml = memoOn(yaml, tag, () => sites(yaml, () => undefined));
  const fromTf = memoOn(model, tag, () => {
    const tf = terraformObjects(model);
    return sites(tf.map((t) => t.object), (i) => tf[i].resource);
  });
  return [...fromYaml, ...fromTf];
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
