import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCorefile } from '../../syntax/corefile/parse-corefile';
import { configMapView } from './config-map';
import { parseKubernetesFile } from './kubernetes-file';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

const CUSTOM = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: coredns-custom',
  '  namespace: kube-system',
  'data:',
  '  puglife.server: |   # new server block',
  '    puglife.local:53 {',
  '        errors',
  '        cache 30',
  '        forward . 192.11.0.1',
  '    }',
  '  test.override: |-',
  '    hosts {',
  '        10.0.0.1 "example1.org"',
  '        fallthrough',
  '    }',
  '  log.override: log',
  '  quoted.override: "rewrite name foo.example.com foo.default.svc.cluster.local"',
  '  broken.override:',
  '    hosts: 1',
  '',
].join('\n');

test('ConfigMap data entries expose key range, value range, decoded text and block content start', () => {
  const cm = configMapView(parseKubernetesFile('cm.yaml', CUSTOM).objects[0])!;
  assert.deepEqual(cm.data.map((e) => e.key), ['puglife.server', 'test.override', 'log.override', 'quoted.override', 'broken.override']);
  const server = cm.entry('puglife.server')!;
  assert.equal(slice(CUSTOM, server.keyRange), 'puglife.server');
  assert.ok(slice(CUSTOM, server.valueRange).startsWith('|   # new server block\n    puglife.local:53 {'));
  assert.equal(server.text, 'puglife.local:53 {\n    errors\n    cache 30\n    forward . 192.11.0.1\n}\n');
  assert.equal(CUSTOM.slice(server.contentStart!, server.contentStart! + 16), 'puglife.local:53');
  const log = cm.entry('log.override')!;
  assert.equal(log.text, 'log');
  assert.equal(log.contentStart, undefined);
  assert.equal(slice(CUSTOM, log.valueRange), 'log');
  // a mapping where a string belongs (a missing "|") is visible as a map with no text
  const broken = cm.entry('broken.override')!;
  assert.equal(broken.text, undefined);
  assert.equal(broken.value.kind, 'map');
});

test('every Corefile token inside a ConfigMap value maps back to the same source text', () => {
  const cm = configMapView(parseKubernetesFile('cm.yaml', CUSTOM).objects[0])!;
  let checked = 0;
  for (const entry of cm.data) {
    if (entry.text === undefined) continue;
    const mode = entry.key.endsWith('.server') ? 'servers' : 'directives';
    const { corefile, diagnostics } = parseCorefile(entry.text, mode);
    assert.deepEqual(diagnostics, [], entry.key);
    for (const token of corefile.tokens) {
      assert.equal(slice(CUSTOM, entry.mapRange(token.range)), token.raw, `${entry.key}: ${token.raw}`);
      checked++;
    }
  }
  assert.equal(checked, 9 + 6 + 1 + 4);
});

test('data that is not a map, and non-ConfigMap objects', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n- a\n';
  const [obj] = parseKubernetesFile('x.yaml', text).objects;
  const cm = configMapView(obj)!;
  assert.equal(cm.dataMap, undefined);
  assert.equal(cm.dataValue?.kind, 'seq');
  assert.deepEqual(cm.data, []);
  const [sa] = parseKubernetesFile('sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\n').objects;
  assert.equal(configMapView(sa), undefined);
});
