import type { TextRange } from '../../text/text-range';
import { asMap, scalarText, type KEntry, type KMap, type KValue } from './k-value';
import { fromPlain, kMap, type PlainEntry, type PlainInput } from './plain-value';

// One Kubernetes object, whether written as a YAML document or as a Terraform kubernetes_* resource.
// Typed views (ConfigMap, pod specs, ...) are functions over this, computed on demand.

export interface K8sSource {
  /** path or URI of the file the ranges refer to */
  readonly file: string;
  /** index of the YAML document in the stream; 0 for Terraform */
  readonly docIndex: number;
  /** the whole document / resource block */
  readonly range: TextRange;
  readonly origin: 'yaml' | 'terraform';
}

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** metadata.name; undefined when absent or not a literal */
  readonly name: string | undefined;
  /** metadata.namespace; undefined when not set. Do NOT read this as 'default'. */
  readonly namespace: string | undefined;
  readonly source: K8sSource;
  /** the whole object (apiVersion, kind, metadata, data/spec, ...) */
  readonly root: KMap;
  readonly metadata: KMap | undefined;
  /** metadata.labels entries (empty when none) */
  readonly labels: readonly KEntry[];
  /** metadata.annotations entries (empty when none) */
  readonly annotations: readonly KEntry[];
  /** value of metadata.name / metadata.namespace, for squiggles and fixes */
  readonly nameValue: KValue | undefined;
  readonly namespaceValue: KValue | undefined;
  /** top-level field (e.g. 'data', 'spec') */
  field(key: string): KValue | undefined;
  label(key: string): KEntry | undefined;
  annotation(key: string): KEntry | undefined;
}

/** Builds a K8sObject over a root map (YAML view or plain-built). Returns undefined without apiVersion + kind strings. */
export function objectFromRoot(root: KMap, source: K8sSource): K8sObject | undefined {
  const apiVersion = scalarText(root.get('apiVersion'));
  const kind = scalarText(root.get('kind'));
  if (apiVersion === undefined || kind === undefined) return undefined;
  return new ObjectView(apiVersion, kind, root, source);
}

/**
 * Plain description of an object, for producers that are not YAML (the Terraform decoder).
 * `metadata` and each entry of `fields` may be plain JS values, KValues built with plain-value.ts
 * builders (kScalar/kMap/kSeq/kUnknown, to carry ranges and Unknowns), or a mix.
 */
export interface K8sObjectDescription {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: PlainInput;
  /** other top-level fields: data, spec, rules, subjects, roleRef, ... */
  readonly fields?: readonly PlainEntry[];
  readonly source: K8sSource;
  /** ranges for apiVersion / kind when they were written in the source */
  readonly apiVersionRange?: TextRange;
  readonly kindRange?: TextRange;
}

/** The constructor for non-YAML producers. Every value without a range gets `source.range`. */
export function createK8sObject(desc: K8sObjectDescription): K8sObject {
  const whole = desc.source.range;
  const entries: PlainEntry[] = [
    { key: 'apiVersion', keyRange: desc.apiVersionRange, value: desc.apiVersion },
    { key: 'kind', keyRange: desc.kindRange, value: desc.kind },
  ];
  if (desc.metadata !== undefined) entries.push({ key: 'metadata', value: fromPlain(desc.metadata, whole) });
  for (const f of desc.fields ?? []) entries.push(f);
  return new ObjectView(desc.apiVersion, desc.kind, kMap(entries, whole), desc.source);
}

/**
 * Lets `obj` drop its root (metadata stays): `reload` gives it again when asked for. For objects whose content beyond
 * metadata nothing reads (content-kinds.ts), so their document's tree need not stay in memory.
 */
export function releaseRoot(obj: K8sObject, reload: () => KMap | undefined): void {
  if (obj instanceof ObjectView) obj.release(reload);
}

class ObjectView implements K8sObject {
  readonly metadata: KMap | undefined;
  readonly nameValue: KValue | undefined;
  readonly namespaceValue: KValue | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  private held: KMap | undefined;
  private reload: (() => KMap | undefined) | undefined;

  constructor(
    readonly apiVersion: string,
    readonly kind: string,
    root: KMap,
    readonly source: K8sSource,
  ) {
    this.held = root;
    this.metadata = asMap(root.get('metadata'));
    this.nameValue = this.metadata?.get('name');
    this.namespaceValue = this.metadata?.get('namespace');
    this.name = scalarText(this.nameValue);
    this.namespace = scalarText(this.namespaceValue);
  }

  get root(): KMap {
    // a reload that fails (it cannot: the same reader reads the same chunk) leaves an empty object, not a crash
    return (this.held ??= this.reload?.() ?? kMap([], this.source.range));
  }

  release(reload: () => KMap | undefined): void {
    this.held = undefined;
    this.reload = reload;
  }

  get labels(): readonly KEntry[] {
    return asMap(this.metadata?.get('labels'))?.entries ?? [];
  }

  get annotations(): readonly KEntry[] {
    return asMap(this.metadata?.get('annotations'))?.entries ?? [];
  }

  field(key: string): KValue | undefined {
    return this.root.get(key);
  }

  label(key: string): KEntry | undefined {
    return asMap(this.metadata?.get('labels'))?.entry(key);
  }

  annotation(key: string): KEntry | undefined {
    return asMap(this.metadata?.get('annotations'))?.entry(key);
  }
}

