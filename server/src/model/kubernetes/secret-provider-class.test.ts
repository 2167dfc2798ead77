import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesFile } from './kubernetes-file';
import { secretProviderClassView } from './secret-provider-class';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

const spcText = (parameters: string[], extra: string[] = []) => [
  'apiVersion: secrets-store.csi.x-k8s.io/v1',
  'kind: SecretProviderClass',
  'metadata:',
  '  name: azure-kv',
  '  namespace: shop',
  'spec:',
  '  provider: azure',
  '  parameters:',
  ...parameters,
  ...extra,
  '',
].join('\n');

const view = (text: string) => secretProviderClassView(parseKubernetesFile('spc.yaml', text).objects[0])!;

test('parameters keep ranges and scalar style; tenantID falls back to tenantId', () => {
  const text = spcText(['    usePodIdentity: false', '    keyvaultName: "kv-prod"', '    tenantId: 11111111-1111-1111-1111-111111111111']);
  const spc = view(text);
  assert.equal(spc.provider?.kind === 'scalar' && spc.provider.text, 'azure');
  const pod = spc.parameter('usePodIdentity')!;
  assert.equal(slice(text, pod.value.range), 'false');
  assert.ok(pod.value.kind === 'scalar' && pod.value.value === false && pod.value.style === 'plain');
  const kv = spc.parameter('keyvaultName')!;
  assert.ok(kv.value.kind === 'scalar' && kv.value.style === 'double-quoted' && kv.value.text === 'kv-prod');
  assert.equal(spc.tenant?.key, 'tenantId');
  assert.equal(spc.objects, undefined);
});

test('the objects string is parsed with field ranges mapped back to the manifest', () => {
  const text = spcText([
    '    objects: |',
    '      array:',
    '        - |',
    '          objectName: db-password',
    '          objectType: Secret',
    '        - |',
    '          objectName: ingress-cert',
    '          objectType: cert',
    '          objectAlias: tls.key',
  ], [
    '  secretObjects:',
    '  - secretName: tls',
    '    type: kubernetes.io/tls',
    '    data:',
    '    - objectName: tls.key',
    '      key: tls.key',
  ]);
  const objects = view(text).objects!;
  assert.equal(objects.status, 'ok');
  assert.deepEqual(objects.problems, []);
  assert.deepEqual(objects.objects.map((o) => [o.objectName, o.objectType, o.fileName]), [
    ['db-password', 'Secret', 'db-password'],
    ['ingress-cert', 'cert', 'tls.key'],
  ]);
  const type = objects.objects[0].field('objectType')!;
  assert.equal(slice(text, type.keyRange), 'objectType');
  assert.equal(slice(text, type.valueRange), 'Secret');
  assert.equal(slice(text, objects.objects[1].field('objectAlias')!.valueRange), 'tls.key');
  const so = view(text).secretObjects;
  assert.equal(so.length, 1);
  assert.equal(so[0].type?.kind === 'scalar' && so[0].type.text, 'kubernetes.io/tls');
  assert.equal(slice(text, so[0].data[0].objectName!.range), 'tls.key');
});

test('objects written as a YAML list is "not-a-string"', () => {
  const text = spcText(['    objects:', '      - objectName: db-password', '        objectType: secret']);
  const objects = view(text).objects!;
  assert.equal(objects.status, 'not-a-string');
  assert.equal(objects.value.kind, 'seq');
});

test('bad objects strings produce problems with source ranges', () => {
  const noArray = view(spcText(['    objects: |', '      items: []'])).objects!;
  assert.equal(noArray.status, 'invalid');
  assert.deepEqual(noArray.problems.map((p) => p.code), ['no-array']);

  const text = spcText([
    '    objects: |',
    '      array:',
    '        - objectName: not-a-string',
    '        - |',
    '          objectName: "unterminated',
    '        - |',
    '          just text',
  ]);
  const bad = view(text).objects!;
  assert.equal(bad.status, 'invalid');
  assert.deepEqual(bad.problems.map((p) => p.code), ['element-not-string', 'yaml-syntax', 'element-not-map']);
  assert.equal(slice(text, bad.problems[0].range), 'objectName: not-a-string');
  for (const p of bad.problems) assert.ok(p.range.start >= text.indexOf('array:') && p.range.end <= text.length);
  assert.equal(slice(text, bad.problems[2].range), '|\n          just text\n');
});

test('non-SPC objects have no SPC view', () => {
  const [cm] = parseKubernetesFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n').objects;
  assert.equal(secretProviderClassView(cm), undefined);
});
