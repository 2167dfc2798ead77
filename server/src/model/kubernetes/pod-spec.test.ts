import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesFile } from './kubernetes-file';
import { POD_SPEC_KINDS, podSpecOf } from './pod-spec';
import { serviceAccountView } from './service-account';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

const POD_SPEC = [
  '      serviceAccountName: orders',
  '      initContainers:',
  '      - name: init',
  '        image: busybox',
  '      containers:',
  '      - name: app',
  '        image: app:1',
  '        volumeMounts:',
  '        - name: secrets-store01-inline',
  '          mountPath: /mnt/secrets',
  '      volumes:',
  '      - name: secrets-store01-inline',
  '        csi:',
  '          driver: secrets-store.csi.x-k8s.io',
  '          volumeAttributes:',
  '            secretProviderClass: "azure-kv"',
  '      - name: cache',
  '        emptyDir: {}',
];

/** Wraps the pod spec at the place each kind keeps it; `indent` is the spec's indentation there. */
function manifest(kind: string): string {
  const reindent = (n: number) => POD_SPEC.map((l) => ' '.repeat(n) + l.slice(6));
  const head = [`apiVersion: v1`, `kind: ${kind}`, 'metadata:', '  name: w', '  labels: {top: level}'];
  if (kind === 'Pod') return [...head, 'spec:', ...reindent(2), ''].join('\n');
  const tmpl = ['    metadata:', '      labels:', '        app: orders', '        azure.workload.identity/use: "true"', '    spec:', ...reindent(6)];
  if (kind === 'CronJob') {
    return [...head, 'spec:', '  jobTemplate:', '    spec:', '      template:', ...tmpl.map((l) => '    ' + l), ''].join('\n');
  }
  return [...head, 'spec:', '  template:', ...tmpl, ''].join('\n');
}

for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController', 'CronJob']) {
  test(`podSpecOf finds the pod spec of a ${kind}`, () => {
    assert.ok(POD_SPEC_KINDS.has(kind), 'callers scanning for pod specs skip kinds outside POD_SPEC_KINDS');
    const text = manifest(kind);
    const obj = parseKubernetesFile('w.yaml', text).objects[0];
    const pod = podSpecOf(obj)!;
    assert.ok(pod, kind);
    assert.equal(pod.owner, obj);
    assert.equal(slice(text, pod.serviceAccountName!.range), 'orders');
    assert.deepEqual(pod.containers.map((c) => [c.name, c.role]), [['init', 'init'], ['app', 'container']]);
    assert.deepEqual(pod.containers[1].volumeMounts.map((m) => [m.name, m.mountPath]), [['secrets-store01-inline', '/mnt/secrets']]);
    assert.deepEqual(pod.volumes.map((v) => [v.name, v.csi !== undefined]), [['secrets-store01-inline', true], ['cache', false]]);
    const csi = pod.volumes[0].csi!;
    assert.equal(slice(text, csi.driver!.range), 'secrets-store.csi.x-k8s.io');
    assert.equal(csi.readOnly, undefined);
    assert.equal(slice(text, csi.secretProviderClass!.range), '"azure-kv"');
    if (kind === 'Pod') {
      assert.deepEqual(pod.labels.map((l) => l.key), ['top']);
    } else {
      // template labels, not the workload's own metadata.labels
      assert.deepEqual(pod.labels.map((l) => l.key), ['app', 'azure.workload.identity/use']);
      const use = pod.label('azure.workload.identity/use')!;
      assert.ok(use.value.kind === 'scalar' && use.value.style === 'double-quoted');
      assert.equal(pod.templateMap.get('spec'), pod.spec);
    }
  });
}

test('objects without a pod template have no pod spec', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1}\n';
  for (const obj of parseKubernetesFile('x.yaml', text).objects) assert.equal(podSpecOf(obj), undefined, obj.kind);
});

test('ServiceAccount view exposes the workload identity annotations and a misplaced use label', () => {
  const text = [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: orders',
    '  namespace: shop',
    '  annotations:',
    '    azure.workload.identity/client-id: "9a1b0000-0000-0000-0000-000000000000"',
    '  labels:',
    '    azure.workload.identity/use: "true"',
    '',
  ].join('\n');
  const sa = serviceAccountView(parseKubernetesFile('sa.yaml', text).objects[0])!;
  assert.equal(slice(text, sa.clientId!.value.range), '"9a1b0000-0000-0000-0000-000000000000"');
  assert.equal(sa.tenantId, undefined);
  assert.equal(slice(text, sa.useLabel!.keyRange), 'azure.workload.identity/use');
});
