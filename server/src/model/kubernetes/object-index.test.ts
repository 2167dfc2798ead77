import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesFile } from './kubernetes-file';
import { indexObjects } from './object-index';

const doc = (kind: string, name: string, ns?: string) =>
  `---\napiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`;

test('look-ups by kind, name and namespace keep the objects in file order', () => {
  const text = doc('ServiceAccount', 'a', 'x') + doc('ServiceAccount', 'a') + doc('ConfigMap', 'a', 'x') + doc('ServiceAccount', 'b', 'x') + doc('ServiceAccount', 'a', 'y');
  const objects = parseKubernetesFile('m.yaml', text).objects;
  const index = indexObjects(objects);
  const names = (list: readonly { name?: string; namespace?: string; kind: string }[]) => list.map((o) => `${o.kind}/${o.namespace ?? '-'}/${o.name}`);
  assert.deepEqual(names(index.get('ServiceAccount', 'x', 'a')), ['ServiceAccount/x/a']);
  assert.deepEqual(names(index.get('ServiceAccount', undefined, 'a')), ['ServiceAccount/-/a']);
  assert.deepEqual(names(index.byKindAndName('ServiceAccount', 'a')), ['ServiceAccount/x/a', 'ServiceAccount/-/a', 'ServiceAccount/y/a']);
  assert.deepEqual(names(index.byName('a')), ['ServiceAccount/x/a', 'ServiceAccount/-/a', 'ConfigMap/x/a', 'ServiceAccount/y/a']);
  assert.equal(index.ofKind('ServiceAccount').length, 4);
  assert.deepEqual(index.get('Secret', 'x', 'a'), []);
  assert.deepEqual(index.byName('zzz'), []);
});

test('the index reads the objects only when first asked, and once', () => {
  const objects = parseKubernetesFile('m.yaml', doc('ServiceAccount', 'a') + doc('ConfigMap', 'b')).objects;
  let passes = 0;
  const counted: Iterable<(typeof objects)[number]> = {
    *[Symbol.iterator]() {
      passes++;
      yield* objects;
    },
  };
  const index = indexObjects(counted);
  assert.equal(passes, 0, 'made on every YAML change: nothing is built before a question');
  assert.equal(index.ofKind('ConfigMap').length, 1);
  assert.deepEqual(index.byName('a').map((o) => o.kind), ['ServiceAccount']);
  assert.equal(index.get('ServiceAccount', undefined, 'a').length, 1);
  assert.equal(passes, 1);
});
