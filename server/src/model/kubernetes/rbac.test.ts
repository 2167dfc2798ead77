import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesFile } from './kubernetes-file';
import { roleBindingView, roleView } from './rbac';

test('Role and ClusterRole rules, RoleBinding roleRef and subjects', () => {
  const text = [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: Role',
    'metadata: {name: deployer, namespace: apps}',
    'rules:',
    '- apiGroups: ["", apps]',
    '  resources: [deployments, services]',
    '  verbs: [get, list, create, patch]',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRole',
    'metadata: {name: reader}',
    'rules:',
    '- nonResourceURLs: ["/healthz"]',
    '  verbs: ["get"]',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: RoleBinding',
    'metadata: {name: ci, namespace: apps}',
    'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}',
    'subjects:',
    '- kind: ServiceAccount',
    '  name: ci-deployer',
    '- kind: Group',
    '  name: devs',
    '  apiGroup: rbac.authorization.k8s.io',
    '',
  ].join('\n');
  const [role, clusterRole, binding] = parseKubernetesFile('rbac.yaml', text).objects;
  const r = roleView(role)!;
  assert.equal(r.clusterScoped, false);
  assert.deepEqual(r.rules.map((x) => [x.apiGroups, x.resources, x.verbs]), [
    [['', 'apps'], ['deployments', 'services'], ['get', 'list', 'create', 'patch']],
  ]);
  const cr = roleView(clusterRole)!;
  assert.equal(cr.clusterScoped, true);
  assert.deepEqual(cr.rules[0].nonResourceURLs, ['/healthz']);
  const b = roleBindingView(binding)!;
  assert.deepEqual([b.roleRef?.kind, b.roleRef?.name, b.roleRef?.apiGroup], ['Role', 'deployer', 'rbac.authorization.k8s.io']);
  assert.deepEqual(b.subjects.map((s) => [s.kind, s.name, s.namespace]), [['ServiceAccount', 'ci-deployer', undefined], ['Group', 'devs', undefined]]);
  assert.equal(text.slice(b.subjects[0].map.range.start, b.subjects[0].map.range.end), 'kind: ServiceAccount\n  name: ci-deployer');
  assert.equal(roleView(binding), undefined);
  assert.equal(roleBindingView(role), undefined);
});
