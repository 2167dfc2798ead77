import { createK8sObject } from '../kubernetes/object';
import { kMap, type PlainEntry } from '../kubernetes/plain-value';
import type { KValue } from '../kubernetes/k-value';
import { toKValue } from './kubernetes-objects';
import type { TfAttribute, TfBlock, TfKubernetesObject, TfModule, TfResource } from './model-types';
import { memoWithReads, type WithReads } from './attribute-reads';

// Workloads declared through the Terraform kubernetes provider (kubernetes_deployment_v1, _pod_v1, ...), as K8sObjects
// carrying what pod-template rules read: metadata labels/annotations of the object and of its pod template, and
// spec.serviceAccountName. Containers, volumes and the rest of the spec are not decoded (not needed yet).

/** resource type -> Kubernetes kind and where the pod template sits: `spec.template`, `spec.job_template.spec.template`, or the pod itself. */
const WORKLOADS: Readonly<Record<string, { kind: string; apiVersion: string; template: 'template' | 'jobTemplate' | 'pod' }>> = {};
for (const [base, kind, apiVersion, template] of [
  ['kubernetes_deployment', 'Deployment', 'apps/v1', 'template'],
  ['kubernetes_stateful_set', 'StatefulSet', 'apps/v1', 'template'],
  ['kubernetes_daemonset', 'DaemonSet', 'apps/v1', 'template'],
  ['kubernetes_daemon_set', 'DaemonSet', 'apps/v1', 'template'],
  ['kubernetes_job', 'Job', 'batch/v1', 'template'],
  ['kubernetes_cron_job', 'CronJob', 'batch/v1', 'jobTemplate'],
  ['kubernetes_pod', 'Pod', 'v1', 'pod'],
] as const) {
  (WORKLOADS as Record<string, unknown>)[base] = { kind, apiVersion, template };
  (WORKLOADS as Record<string, unknown>)[`${base}_v1`] = { kind, apiVersion, template };
}

const METADATA: Readonly<Record<string, string>> = { name: 'name', namespace: 'namespace', labels: 'labels', annotations: 'annotations' };

function metadata(block: TfBlock | undefined): KValue | undefined {
  if (!block) return undefined;
  const entries: PlainEntry[] = block
    .attributes()
    .filter((a) => a.name in METADATA)
    .map((a) => ({ key: METADATA[a.name], keyRange: a.node.name.range, value: toKValue(a.value, a.file, a.expr.range) }));
  return kMap(entries, block.range);
}

/** `metadata` + `spec` (with serviceAccountName) of a pod template block, or of the pod resource itself. */
function podTemplate(template: TfBlock): PlainEntry[] {
  const entries: PlainEntry[] = [];
  const meta = metadata(template.block('metadata'));
  if (meta) entries.push({ key: 'metadata', keyRange: template.block('metadata')!.node.type.range, value: meta });
  const spec = template.block('spec');
  if (spec) {
    const sa = spec.attribute('service_account_name') ?? spec.attribute('service_account');
    const fields: PlainEntry[] = sa ? [{ key: 'serviceAccountName', keyRange: sa.node.name.range, value: serviceAccountName(sa) }] : [];
    entries.push({ key: 'spec', keyRange: spec.node.type.range, value: kMap(fields, spec.range) });
  }
  return entries;
}

/** The name, with the range of the expression in the workload even when it reads a ServiceAccount's name by reference. */
function serviceAccountName(sa: TfAttribute): KValue {
  return toKValue({ ...sa.value, origin: undefined }, sa.file, sa.expr.range);
}

function nested(block: TfBlock | undefined, ...path: string[]): TfBlock | undefined {
  let cur = block;
  for (const step of path) cur = cur?.block(step);
  return cur;
}

function workloadObject(r: TfResource): TfKubernetesObject | undefined {
  const shape = WORKLOADS[r.type];
  if (!shape) return undefined;
  const source = { file: r.file, docIndex: 0, range: r.range, origin: 'terraform' as const };
  let fields: PlainEntry[];
  if (shape.template === 'pod') fields = podTemplate(r).filter((e) => e.key === 'spec');
  else {
    const spec = r.block('spec');
    const templateBlock = shape.template === 'template' ? nested(spec, 'template') : nested(spec, 'job_template', 'spec', 'template');
    if (!spec || !templateBlock) return undefined;
    const template = kMap(podTemplate(templateBlock), templateBlock.range);
    const inner: PlainEntry = { key: 'template', keyRange: templateBlock.node.type.range, value: template };
    const specValue = shape.template === 'template' ? kMap([inner], spec.range) : kMap([{ key: 'jobTemplate', value: kMap([{ key: 'spec', value: kMap([inner], spec.range) }], spec.range) }], spec.range);
    fields = [{ key: 'spec', keyRange: spec.node.type.range, value: specValue }];
  }
  const object = createK8sObject({ apiVersion: shape.apiVersion, kind: shape.kind, metadata: metadata(r.block('metadata')), fields, source });
  return { object, resource: r, management: 'create' };
}

// file rules ask for every module's workloads once per file: memoised per module instance (a new model recomputes)
const workloads = new WeakMap<TfModule, WithReads<readonly TfKubernetesObject[]>>();

/** The pod-bearing workloads of a module's kubernetes_* resources (see file comment for what is decoded). */
export function kubernetesWorkloadsOf(module: TfModule): readonly TfKubernetesObject[] {
  return memoWithReads(workloads, module, () => {
    const found: TfKubernetesObject[] = [];
    for (const r of module.resources) {
      const w = workloadObject(r);
      if (w) found.push(w);
    }
    return found;
  });
}
