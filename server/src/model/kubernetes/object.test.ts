import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configMapView } from './config-map';
import { getPath, scalarText } from './k-value';
import { parseKubernetesFile } from './kubernetes-file';
import { createK8sObject, releaseRoot } from './object';
import { indexObjects } from './object-index';
import { kMap, kScalar, kUnknown } from './plain-value';
import { serviceAccountView } from './service-account';

// What the Terraform decoder does for `resource "kubernetes_config_map_v1" "x" { metadata { ... } data = { ... } }`.
test('createK8sObject builds the same views from plain data with explicit and fallback ranges', () => {
  const block = { start: 0, end: 200 };
  const cm = createK8sObject({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: kScalar('coredns-custom', { start: 40, end: 56 }, 'double-quoted'), namespace: 'kube-system' },
    fields: [{
      key: 'data',
      keyRange: { start: 100, end: 104 },
      value: kMap([
        { key: 'log.override', keyRange: { start: 110, end: 124 }, value: kScalar('log', { start: 127, end: 132 }, 'double-quoted') },
        { key: 'x.server', value: kUnknown({ start: 140, end: 150 }, 'var.corefile') },
      ], { start: 107, end: 160 }),
    }],
    source: { file: 'main.tf', docIndex: 0, range: block, origin: 'terraform' },
  });
  assert.equal(cm.name, 'coredns-custom');
  assert.equal(cm.namespace, 'kube-system');
  assert.deepEqual(cm.nameValue?.range, { start: 40, end: 56 });
  assert.deepEqual(cm.namespaceValue?.range, block); // no range given: falls back to the resource block
  assert.equal(cm.source.origin, 'terraform');
  const view = configMapView(cm)!;
  assert.deepEqual(view.data.map((e) => [e.key, e.text, e.value.kind]), [['log.override', 'log', 'scalar'], ['x.server', undefined, 'unknown']]);
  assert.deepEqual(view.entry('log.override')!.keyRange, { start: 110, end: 124 });
  // without an offset map a Terraform string maps any inner range to its whole value
  assert.deepEqual(view.entry('log.override')!.mapRange({ start: 1, end: 2 }), { start: 127, end: 132 });
});

test('plain nested objects become maps, and YAML and Terraform objects answer the same queries', () => {
  const tf = createK8sObject({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'orders', namespace: 'shop', annotations: { 'azure.workload.identity/client-id': 'abc' } },
    source: { file: 'sa.tf', docIndex: 0, range: { start: 0, end: 10 }, origin: 'terraform' },
  });
  const yaml = parseKubernetesFile('sa.yaml', [
    'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: orders', '  namespace: shop',
    '  annotations: {azure.workload.identity/client-id: abc}', '',
  ].join('\n')).objects[0];
  for (const o of [tf, yaml]) {
    assert.equal(scalarText(serviceAccountView(o)!.clientId?.value), 'abc');
    assert.equal(getPath(o.root, 'metadata', 'annotations')?.kind, 'map');
  }
});

test('indexObjects looks up by (kind, namespace, name), by kind+name and by name; unset namespace is not "default"', () => {
  const text = [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: orders, namespace: shop}',
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: orders}',
    'apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata: {name: orders, namespace: shop}',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {}',
  ].join('\n---\n');
  const objects = parseKubernetesFile('all.yaml', text).objects;
  const idx = indexObjects(objects);
  assert.deepEqual(idx.get('ServiceAccount', 'shop', 'orders').map((o) => o.source.docIndex), [0]);
  assert.deepEqual(idx.get('ServiceAccount', undefined, 'orders').map((o) => o.source.docIndex), [1]);
  assert.deepEqual(idx.get('ServiceAccount', 'default', 'orders'), []);
  assert.equal(idx.byKindAndName('ServiceAccount', 'orders').length, 2);
  assert.equal(idx.byName('orders').length, 3);
  assert.equal(idx.ofKind('ConfigMap').length, 1); // nameless objects are indexed by kind only
  assert.deepEqual(idx.byName('missing'), []);
});

test('an object that released its root keeps its metadata and reads the root again once, when asked', () => {
  const whole = { start: 0, end: 50 };
  const obj = createK8sObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { app: 'web' } }, fields: [{ key: 'spec', value: { type: 'ClusterIP' } }], source: { file: 'a.yaml', docIndex: 0, range: whole, origin: 'yaml' } });
  const original = obj.root;
  let reads = 0;
  releaseRoot(obj, () => (reads++, original));
  assert.deepEqual([obj.name, obj.labels.map((e) => e.key), reads], ['web', ['app'], 0], 'metadata needs no read');
  assert.equal(scalarText(getPath(obj.root, 'spec', 'type')), 'ClusterIP');
  assert.equal(obj.field('spec'), obj.root.get('spec'));
  assert.equal(reads, 1);
  releaseRoot(obj, () => undefined);
  assert.deepEqual(obj.root.entries, [], 'a reload that finds nothing leaves an empty object, not a crash');
});
