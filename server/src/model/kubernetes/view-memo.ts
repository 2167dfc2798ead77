import type { K8sObject } from './object';

// Typed views (pod spec, SecretProviderClass, ServiceAccount, ConfigMap) are read by many rules on every run, and
// objects of unchanged files are the same instances across snapshots: each view is made once per object, here, so
// callers never memoise it again.

/** `build` for objects of `kinds`, memoised per object; undefined for other kinds without a look-up. */
export function viewPerObject<V>(kinds: ReadonlySet<string>, build: (obj: K8sObject) => V | undefined): (obj: K8sObject) => V | undefined {
  const views = new WeakMap<K8sObject, V | null>();
  return (obj) => {
    if (!kinds.has(obj.kind)) return undefined;
    let view = views.get(obj);
    if (view === undefined) views.set(obj, (view = build(obj) ?? null));
    return view ?? undefined;
  };
}
