import { asMap, getPath, mapItems, scalarText, type KEntry, type KMap, type KValue } from './k-value';
import type { K8sObject } from './object';
import { viewPerObject } from './view-memo';

// Pod specs wherever Kubernetes keeps them (aks-rules §5.2): Pod.spec, <workload>.spec.template.spec,
// CronJob.spec.jobTemplate.spec.template.spec; labels at the matching metadata.

export const SECRETS_STORE_DRIVER = 'secrets-store.csi.k8s.io';

export interface CsiVolume {
  readonly map: KMap;
  readonly driver: KValue | undefined;
  readonly readOnly: KValue | undefined;
  readonly volumeAttributes: KMap | undefined;
  /** volumeAttributes.secretProviderClass */
  readonly secretProviderClass: KValue | undefined;
}

export interface PodVolume {
  readonly name: string | undefined;
  readonly map: KMap;
  readonly csi: CsiVolume | undefined;
}

export interface VolumeMount {
  readonly name: string | undefined;
  readonly mountPath: string | undefined;
  readonly map: KMap;
}

export interface PodContainer {
  readonly name: string | undefined;
  readonly role: 'container' | 'init' | 'ephemeral';
  readonly map: KMap;
  readonly volumeMounts: readonly VolumeMount[];
}

export interface PodSpecView {
  /** the object holding the pod spec (Pod, Deployment, CronJob, ...) */
  readonly owner: K8sObject;
  readonly spec: KMap;
  /** metadata of the pod template (Pod: the object's metadata); undefined when the template has none */
  readonly metadata: KMap | undefined;
  /** the map holding `metadata` and `spec`: spec.template for workloads, the Pod itself for Pods (where to insert a missing metadata) */
  readonly templateMap: KMap;
  readonly labels: readonly KEntry[];
  readonly annotations: readonly KEntry[];
  readonly serviceAccountName: KValue | undefined;
  readonly volumes: readonly PodVolume[];
  readonly containers: readonly PodContainer[];
  label(key: string): KEntry | undefined;
  annotation(key: string): KEntry | undefined;
}

const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

/** The kinds podSpecOf may find a pod spec in; it answers undefined for the rest without a look-up. */
export const POD_SPEC_KINDS: ReadonlySet<string> = new Set(['Pod', ...TEMPLATE_KINDS, 'CronJob', 'PodTemplate']);

/** The pod template of a workload, or undefined for kinds that have none (or when it is missing); one view per object. */
export const podSpecOf: (obj: K8sObject) => PodSpecView | undefined = viewPerObject(POD_SPEC_KINDS, newPodSpecView);

function newPodSpecView(obj: K8sObject): PodSpecView | undefined {
  let template: KMap | undefined;
  if (obj.kind === 'Pod') {
    const spec = asMap(obj.field('spec'));
    return spec ? new PodSpec(obj, spec, obj.metadata, obj.root) : undefined;
  }
  if (TEMPLATE_KINDS.has(obj.kind)) template = asMap(getPath(obj.root, 'spec', 'template'));
  else if (obj.kind === 'CronJob') template = asMap(getPath(obj.root, 'spec', 'jobTemplate', 'spec', 'template'));
  else if (obj.kind === 'PodTemplate') template = asMap(obj.field('template'));
  const spec = asMap(template?.get('spec'));
  return spec && template ? new PodSpec(obj, spec, asMap(template.get('metadata')), template) : undefined;
}

// A class, not an object literal with getters: a literal with accessors is made with slow (dictionary) properties
// and closures per view, and there is a view per workload of the workspace.
class PodSpec implements PodSpecView {
  readonly serviceAccountName: KValue | undefined;
  private volumeList: PodVolume[] | undefined;
  private containerList: PodContainer[] | undefined;

  constructor(
    readonly owner: K8sObject,
    readonly spec: KMap,
    readonly metadata: KMap | undefined,
    readonly templateMap: KMap,
  ) {
    this.serviceAccountName = spec.get('serviceAccountName') ?? spec.get('serviceAccount');
  }

  get labels(): readonly KEntry[] {
    return this.labelsMap()?.entries ?? [];
  }

  get annotations(): readonly KEntry[] {
    return this.annotationsMap()?.entries ?? [];
  }

  get volumes(): readonly PodVolume[] {
    return (this.volumeList ??= mapItems(this.spec.get('volumes')).map(toVolume));
  }

  get containers(): readonly PodContainer[] {
    const spec = this.spec;
    return (this.containerList ??= [
      ...mapItems(spec.get('initContainers')).map((m) => toContainer(m, 'init')),
      ...mapItems(spec.get('containers')).map((m) => toContainer(m, 'container')),
      ...mapItems(spec.get('ephemeralContainers')).map((m) => toContainer(m, 'ephemeral')),
    ]);
  }

  label(key: string): KEntry | undefined {
    return this.labelsMap()?.entry(key);
  }

  annotation(key: string): KEntry | undefined {
    return this.annotationsMap()?.entry(key);
  }

  private labelsMap(): KMap | undefined {
    return asMap(this.metadata?.get('labels'));
  }

  private annotationsMap(): KMap | undefined {
    return asMap(this.metadata?.get('annotations'));
  }
}

function toVolume(map: KMap): PodVolume {
  const csiMap = asMap(map.get('csi'));
  let csi: CsiVolume | undefined;
  if (csiMap) {
    const volumeAttributes = asMap(csiMap.get('volumeAttributes'));
    csi = {
      map: csiMap,
      driver: csiMap.get('driver'),
      readOnly: csiMap.get('readOnly'),
      volumeAttributes,
      secretProviderClass: volumeAttributes?.get('secretProviderClass'),
    };
  }
  return { name: scalarText(map.get('name')), map, csi };
}

function toContainer(map: KMap, role: PodContainer['role']): PodContainer {
  const volumeMounts = mapItems(map.get('volumeMounts')).map((m) => ({
    name: scalarText(m.get('name')),
    mountPath: scalarText(m.get('mountPath')),
    map: m,
  }));
  return { name: scalarText(map.get('name')), role, map, volumeMounts };
}
