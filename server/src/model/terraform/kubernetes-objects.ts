import type { TextRange } from '../../text/text-range';
import type { KValue } from '../kubernetes/k-value';
import { createK8sObject, type K8sObject, type K8sSource } from '../kubernetes/object';
import { kMap, kScalar, kSeq, kUnknown, type PlainEntry } from '../kubernetes/plain-value';
import type { TfAttribute, TfBlock, TfKubernetesObject, TfModule, TfResource } from './model-types';
import type { TfValue } from './value';

// Kubernetes objects declared through the Terraform kubernetes provider, as K8sObjects so that the YAML rules
// (CoreDNS, service accounts, ...) see them too. Values keep the ranges of the HCL expressions they came from.

interface Shape {
  readonly apiVersion: string;
  readonly kind: string;
  readonly management: 'create' | 'patch';
  /** HCL argument -> Kubernetes field */
  readonly fields: Readonly<Record<string, string>>;
}

const CONFIG_MAP: Shape = { apiVersion: 'v1', kind: 'ConfigMap', management: 'create', fields: { data: 'data', binary_data: 'binaryData', immutable: 'immutable' } };
const SERVICE_ACCOUNT: Shape = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  management: 'create',
  fields: { automount_service_account_token: 'automountServiceAccountToken' },
};

const SHAPES: Readonly<Record<string, Shape>> = {
  kubernetes_config_map: CONFIG_MAP,
  kubernetes_config_map_v1: CONFIG_MAP,
  kubernetes_config_map_v1_data: { ...CONFIG_MAP, management: 'patch', fields: { data: 'data' } },
  kubernetes_service_account: SERVICE_ACCOUNT,
  kubernetes_service_account_v1: SERVICE_ACCOUNT,
};

const METADATA_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  namespace: 'namespace',
  labels: 'labels',
  annotations: 'annotations',
  generate_name: 'generateName',
};

/** A value as a KValue; parts without a range of their own (e.g. from yamldecode) get `fallback`. */
export function toKValue(v: TfValue, file: string, fallback: TextRange): KValue {
  const range = v.origin && v.origin.file === file ? v.origin.range : fallback;
  switch (v.kind) {
    case 'unknown':
      return kUnknown(range, v.reason ?? 'not known statically');
    case 'null':
      return kScalar(null, range, 'plain');
    case 'string':
      return kScalar(v.value, range, 'double-quoted');
    case 'number':
    case 'bool':
      return kScalar(v.value, range, 'plain');
    case 'list':
    case 'set':
      return kSeq(v.items.map((i) => toKValue(i, file, range)), range);
    case 'object':
      return kMap([...v.entries].map(([key, item]) => ({ key, value: toKValue(item, file, range) })), range);
  }
}

function entry(a: TfAttribute, key: string): PlainEntry {
  return { key, keyRange: a.node.name.range, value: toKValue(a.value, a.file, a.expr.range) };
}

function metadataOf(block: TfBlock | undefined): KValue | undefined {
  if (!block) return undefined;
  const entries = block.attributes().filter((a) => a.name in METADATA_FIELDS).map((a) => entry(a, METADATA_FIELDS[a.name]));
  return kMap(entries, block.range);
}

function source(r: TfResource): K8sSource {
  return { file: r.file, docIndex: 0, range: r.range, origin: 'terraform' };
}

function fromShape(r: TfResource, shape: Shape): K8sObject {
  const fields = r.attributes().filter((a) => a.name in shape.fields).map((a) => entry(a, shape.fields[a.name]));
  return createK8sObject({ apiVersion: shape.apiVersion, kind: shape.kind, metadata: metadataOf(r.block('metadata')), fields, source: source(r) });
}

/** kubernetes_manifest: only when apiVersion and kind are known strings. */
function fromManifest(r: TfResource): K8sObject | undefined {
  const a = r.attribute('manifest');
  const v = a?.value;
  if (!a || v?.kind !== 'object') return undefined;
  const apiVersion = v.entries.get('apiVersion');
  const kind = v.entries.get('kind');
  if (apiVersion?.kind !== 'string' || kind?.kind !== 'string') return undefined;
  const whole = toKValue(v, a.file, a.expr.range);
  if (whole.kind !== 'map') return undefined;
  const metadata = whole.get('metadata');
  const fields = whole.entries.filter((e) => !['apiVersion', 'kind', 'metadata'].includes(e.key));
  return createK8sObject({ apiVersion: apiVersion.value, kind: kind.value, metadata, fields, source: source(r) });
}

export function kubernetesObjectsOf(module: TfModule): TfKubernetesObject[] {
  const out: TfKubernetesObject[] = [];
  for (const resource of module.resources) {
    const shape = SHAPES[resource.type];
    if (shape) out.push({ object: fromShape(resource, shape), resource, management: shape.management });
    else if (resource.type === 'kubernetes_manifest') {
      const object = fromManifest(resource);
      if (object) out.push({ object, resource, management: 'create' });
    }
  }
  return out;
}
