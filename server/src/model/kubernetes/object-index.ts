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

/**
 * Made on every change to any YAML file, and no rule may ask before the next change: nothing is built up front. The
 * by-kind lists are built on the first question, the by-name maps the first time they are asked for (one kind at a
 * time), and most runs ask about a few kinds only.
 */
export function indexObjects(objects: Iterable<K8sObject>): K8sObjectIndex {
  // one pass over the objects, on the first question: the list of all and the lists by kind
  let lists: { readonly all: K8sObject[]; readonly byKind: Map<string, K8sObject[]> } | undefined;
  const built = (): { readonly all: K8sObject[]; readonly byKind: Map<string, K8sObject[]> } => {
    if (lists) return lists;
    lists = { all: [], byKind: new Map() };
    for (const o of objects) {
      lists.all.push(o);
      const list = lists.byKind.get(o.kind);
      if (list) list.push(o);
      else lists.byKind.set(o.kind, [o]);
    }
    return lists;
  };
  const namesByKind = new Map<string, Map<string, K8sObject[]>>();
  let namesOfAll: Map<string, K8sObject[]> | undefined;
  const namedOfKind = (k: string): Map<string, K8sObject[]> => {
    let m = namesByKind.get(k);
    if (!m) namesByKind.set(k, (m = byNameOf(built().byKind.get(k) ?? NONE)));
    return m;
  };
  return {
    get: (k, ns, n) => {
      const named = namedOfKind(k).get(n) ?? NONE;
      return named.every((o) => o.namespace === ns) ? named : named.filter((o) => o.namespace === ns);
    },
    byKindAndName: (k, n) => namedOfKind(k).get(n) ?? NONE,
    byName: (n) => (namesOfAll ??= byNameOf(built().all)).get(n) ?? NONE,
    ofKind: (k) => built().byKind.get(k) ?? NONE,
  };
}

function byNameOf(objects: readonly K8sObject[]): Map<string, K8sObject[]> {
  const m = new Map<string, K8sObject[]>();
  for (const o of objects) {
    if (o.name === undefined) continue;
    const list = m.get(o.name);
    if (list) list.push(o);
    else m.set(o.name, [o]);
  }
  return m;
}
