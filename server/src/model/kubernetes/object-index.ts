import type { K8sObject } from './object';

// Look-ups across files for cross-file rules (SPC <-> Pod, SA <-> Pod, SA <-> federated credential).
// Namespaces are matched as written: an object without metadata.namespace is in the "unknown" namespace,
// which is not 'default'; rules decide how to treat it (match by name only, lower severity).

export interface K8sObjectIndex {
  /** objects of `kind` named `name` in `namespace` (undefined = objects with no namespace set) */
  get(kind: string, namespace: string | undefined, name: string): readonly K8sObject[];
  /** objects of `kind` named `name` in any namespace, including unset */
  byKindAndName(kind: string, name: string): readonly K8sObject[];
  /** objects named `name`, any kind and namespace */
  byName(name: string): readonly K8sObject[];
  ofKind(kind: string): readonly K8sObject[];
}

const NONE: readonly K8sObject[] = [];

export function indexObjects(objects: Iterable<K8sObject>): K8sObjectIndex {
  const exact = new Map<string, K8sObject[]>();
  const kindName = new Map<string, K8sObject[]>();
  const name = new Map<string, K8sObject[]>();
  const kind = new Map<string, K8sObject[]>();
  const add = (m: Map<string, K8sObject[]>, key: string, o: K8sObject) => {
    const list = m.get(key);
    if (list) list.push(o);
    else m.set(key, [o]);
  };
  for (const o of objects) {
    add(kind, o.kind, o);
    if (o.name === undefined) continue;
    add(exact, exactKey(o.kind, o.namespace, o.name), o);
    add(kindName, `${o.kind}\0${o.name}`, o);
    add(name, o.name, o);
  }
  return {
    get: (k, ns, n) => exact.get(exactKey(k, ns, n)) ?? NONE,
    byKindAndName: (k, n) => kindName.get(`${k}\0${n}`) ?? NONE,
    byName: (n) => name.get(n) ?? NONE,
    ofKind: (k) => kind.get(k) ?? NONE,
  };
}

function exactKey(kind: string, namespace: string | undefined, name: string): string {
  // \u0001 marks "namespace not set" so it never collides with a real namespace string.
  return `${kind}\0${namespace ?? '\u0001'}\0${name}`;
}
