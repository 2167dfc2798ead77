import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesFile } from './kubernetes-file';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

test('objects from a multi-document manifest carry kind, name, namespace and document ranges', () => {
  const text = [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: orders',
    '  namespace: shop',
    '---',
    '# not an object: no kind',
    'apiVersion: v1',
    'data: {}',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    '',
  ].join('\n');
  const f = parseKubernetesFile('app.yaml', text);
  assert.equal(f.kind, 'kubernetes');
  assert.deepEqual(f.diagnostics, []);
  assert.equal(f.documents.length, 3);
  assert.deepEqual(f.objects.map((o) => [o.kind, o.name, o.namespace, o.source.docIndex]), [
    ['ServiceAccount', 'orders', 'shop', 0],
    ['Deployment', 'web', undefined, 2],
  ]);
  const [sa, dep] = f.objects;
  assert.equal(sa.source.origin, 'yaml');
  assert.equal(slice(text, sa.source.range), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: orders\n  namespace: shop\n');
  assert.equal(slice(text, sa.nameValue!.range), 'orders');
  assert.equal(slice(text, sa.namespaceValue!.range), 'shop');
  assert.equal(slice(text, dep.nameValue!.range), 'web');
  assert.equal(dep.namespaceValue, undefined);
});

test('labels and annotations are entries with key and value ranges', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    azure.workload.identity/use: true\n  annotations: {a: "b"}\n';
  const [pod] = parseKubernetesFile('p.yaml', text).objects;
  const label = pod.label('azure.workload.identity/use')!;
  assert.equal(slice(text, label.keyRange), 'azure.workload.identity/use');
  assert.equal(slice(text, label.value.range), 'true');
  assert.equal(label.value.kind === 'scalar' && label.value.value, true);
  assert.equal(label.value.kind === 'scalar' && label.value.style, 'plain');
  assert.deepEqual(pod.annotations.map((a) => [a.key, slice(text, a.value.range)]), [['a', '"b"']]);
  assert.equal(pod.label('missing'), undefined);
});

test('YAML syntax errors in a manifest are reported with ranges', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "unterminated\n';
  const f = parseKubernetesFile('cm.yaml', text);
  assert.equal(f.kind, 'kubernetes');
  assert.ok(f.diagnostics.some((d) => d.severity === 'error'));
  for (const d of f.diagnostics) assert.ok(d.range.end <= text.length);
});

test('non-Kubernetes YAML is recognised and left silent', () => {
  const workflow = 'name: CI\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
  const compose = 'services:\n  web:\n    image: "nginx:1.27"\n    ports: ["80:80"]\n';
  const values = 'replicaCount: 2\nimage:\n  repository: nginx\n  tag: ""\nkind: not-a-manifest\n';
  const pipeline = 'trigger:\n- main\npool:\n  vmImage: ubuntu-latest\nsteps:\n- script: echo hi\n';
  const broken = 'jobs:\n  build:\n   - bad: [\n';
  const cases: [string, string][] = [
    ['.github/workflows/ci.yml', workflow],
    ['repo/docker-compose.yml', compose],
    ['charts/app/values.yaml', values],
    ['azure-pipelines.yml', pipeline],
    ['other/anything.yaml', workflow],
    ['other/broken.yaml', broken],
  ];
  for (const [path, text] of cases) {
    const f = parseKubernetesFile(path, text);
    assert.equal(f.kind, 'other', path);
    assert.deepEqual(f.objects, [], path);
    assert.deepEqual(f.diagnostics, [], path);
  }
});

test('Helm and Go-template manifests are silent', () => {
  const helm = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    '  labels:',
    '    {{- include "app.labels" . | nindent 4 }}',
    'spec:',
    '  {{- if .Values.replicas }}',
    '  replicas: {{ .Values.replicas }}',
    '  {{- end }}',
  ].join('\n');
  const quotedOnly = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ .Release.Name }}"\n';
  for (const [path, text] of [['chart/templates/deploy.yaml', helm], ['deploy.yaml', helm], ['chart/templates/cm.yaml', quotedOnly]]) {
    const f = parseKubernetesFile(path, text);
    assert.equal(f.kind, 'helm', path);
    assert.deepEqual(f.diagnostics, []);
    assert.deepEqual(f.objects, []);
  }
});

test('{{ inside a block scalar is data, not templating (CoreDNS template answers)', () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: coredns-custom, namespace: kube-system}',
    'data:',
    '  t.override: |',
    '    template IN A example.org {',
    '      answer "{{ .Name }} 60 IN A 10.0.0.1"',
    '    }',
  ].join('\n');
  const f = parseKubernetesFile('coredns.yaml', text);
  assert.equal(f.kind, 'kubernetes');
  assert.equal(f.objects[0].name, 'coredns-custom');
});

test('kind: List expands into its items', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n';
  const f = parseKubernetesFile('list.yaml', text);
  assert.deepEqual(f.objects.map((o) => `${o.kind}/${o.name}`), ['ServiceAccount/a', 'ConfigMap/b']);
  assert.equal(slice(text, f.objects[1].source.range).startsWith('apiVersion: v1\n  kind: ConfigMap'), true);
});

test('aliases resolve to their anchors; comments are available', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: &n web # the name\n  labels:\n    app: *n\n';
  const f = parseKubernetesFile('p.yaml', text);
  const label = f.objects[0].label('app')!;
  assert.equal(label.value.kind === 'scalar' && label.value.text, 'web');
  assert.deepEqual(f.comments.map((c) => slice(text, c.range)), ['# the name']);
});

test('parsing never throws on any prefix of a manifest', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: "x"\n---\nkind: [\n';
  for (let i = 0; i <= text.length; i++) {
    const f = parseKubernetesFile('p.yaml', text.slice(0, i));
    for (const o of f.objects) assert.ok(o.source.range.end <= i);
  }
});

test('the next version of a file reuses the objects of unchanged documents at unchanged offsets', () => {
  const doc = (name: string) => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`;
  const v1 = parseKubernetesFile('sa.yaml', doc('a') + doc('b') + doc('c'));
  // same length: only the middle document is new
  const v2 = parseKubernetesFile('sa.yaml', doc('a') + doc('x') + doc('c'), v1);
  assert.equal(v2.objects[0], v1.objects[0]);
  assert.notEqual(v2.objects[1], v1.objects[1]);
  assert.equal(v2.objects[1].name, 'x');
  assert.equal(v2.objects[2], v1.objects[2]);
  // a longer middle document shifts the last one: it gets new objects with the new ranges
  const text3 = doc('a') + doc('longer') + doc('c');
  const v3 = parseKubernetesFile('sa.yaml', text3, v2);
  assert.equal(v3.objects[0], v1.objects[0]);
  assert.notEqual(v3.objects[2], v2.objects[2]);
  const nameRange = v3.objects[2].metadata?.entry('name')?.value.range;
  assert.ok(nameRange);
  assert.equal(text3.slice(nameRange.start, nameRange.end), 'c');
  // a different file never shares objects
  assert.notEqual(parseKubernetesFile('other.yaml', text3, v3).objects[0], v3.objects[0]);
});

test('objects of kinds read only by their metadata still answer for their whole content (read again from the chunk)', () => {
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    '  labels: {app: web}',
    'spec:',
    '  ports:',
    '    - port: 80',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: coredns-custom',
    'data:',
    '  a.server: x',
    '',
  ].join('\n');
  const f = parseKubernetesFile('app.yaml', text);
  const [service, configMap] = f.objects;
  assert.deepEqual([service.kind, service.name, service.labels.map((e) => e.key)], ['Service', 'web', ['app']]);
  assert.equal(slice(text, service.field('spec')!.range), 'ports:\n    - port: 80');
  assert.equal(service.root, service.root);
  assert.equal(slice(text, configMap.field('data')!.range), 'a.server: x');
  // the stream's documents still give their trees, whether kept or read again
  assert.deepEqual(f.documents.map((d) => d.doc.contents?.kind), ['map', 'map']);
});
