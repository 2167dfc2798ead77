import { asMap, mapItems, type KEntry, type KMap, type KValue } from './k-value';
import type { K8sObject } from './object';
import { parseSpcObjects, type SpcObjects } from './spc-objects';
import { viewPerObject } from './view-memo';

// SecretProviderClass (secrets-store.csi.x-k8s.io) for the Key Vault CSI rules (aks-rules §2.7, §4.9).

export const SPC_API_GROUP = 'secrets-store.csi.x-k8s.io';

export interface SpcSecretObjectData {
  readonly map: KMap;
  readonly objectName: KValue | undefined;
  readonly key: KValue | undefined;
}

export interface SpcSecretObject {
  readonly map: KMap;
  readonly secretName: KValue | undefined;
  readonly type: KValue | undefined;
  readonly data: readonly SpcSecretObjectData[];
}

export interface SecretProviderClassView {
  readonly object: K8sObject;
  readonly spec: KMap | undefined;
  readonly provider: KValue | undefined;
  /** spec.parameters as written (to see a list where a map belongs) */
  readonly parametersValue: KValue | undefined;
  readonly parameters: KMap | undefined;
  /** a parameter entry: value has range + scalar style (unquoted `false` is a boolean scalar with style 'plain') */
  parameter(name: string): KEntry | undefined;
  /** tenantID, else the deprecated tenantId */
  readonly tenant: KEntry | undefined;
  /** the parsed `objects` parameter; undefined when there is no `objects` parameter */
  readonly objects: SpcObjects | undefined;
  readonly secretObjects: readonly SpcSecretObject[];
}

export const SECRET_PROVIDER_CLASS_KINDS: ReadonlySet<string> = new Set(['SecretProviderClass']);

/** One view per SecretProviderClass object (its `objects` parsed once, not after every edit). */
export const secretProviderClassView: (obj: K8sObject) => SecretProviderClassView | undefined = viewPerObject(SECRET_PROVIDER_CLASS_KINDS, newView);

function newView(obj: K8sObject): SecretProviderClassView {
  const spec = asMap(obj.field('spec'));
  const parametersValue = spec?.get('parameters');
  const parameters = asMap(parametersValue);
  let objects: SpcObjects | undefined | null = null;
  return {
    object: obj,
    spec,
    provider: spec?.get('provider'),
    parametersValue,
    parameters,
    parameter: (name) => parameters?.entry(name),
    tenant: parameters?.entry('tenantID') ?? parameters?.entry('tenantId'),
    get objects() {
      if (objects === null) {
        const v = parameters?.get('objects');
        objects = v ? parseSpcObjects(v) : undefined;
      }
      return objects;
    },
    get secretObjects() {
      return mapItems(spec?.get('secretObjects')).map((map) => ({
        map,
        secretName: map.get('secretName'),
        type: map.get('type'),
        data: mapItems(map.get('data')).map((d) => ({ map: d, objectName: d.get('objectName'), key: d.get('key') })),
      }));
    },
  };
}

