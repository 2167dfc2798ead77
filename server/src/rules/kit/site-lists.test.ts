import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../model/workspace';
import { RuleRunner } from '../../engine/run';
import type { Finding } from '../../engine/finding';
import { rule as workloadIdentityLabels } from '../wi/workload-identity-labels';
import { rule as csiVolumeMounts } from '../kv/csi-volume-mounts-secret-provider-class';
import { joinLists, mapList, memoOnLists, memoReportsPerItem, objectSites, sameAsLast } from './site-lists';
import type { K8sObject } from '../../model/kubernetes/object';

test('mapList: after a change inside the list, only the elements that differ are made again', () => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  const made: string[] = [];
  const make = (x: { id: string }) => {
    made.push(x.id);
    return x.id === 'c' ? undefined : x.id.toUpperCase();
  };
  assert.deepEqual(mapList('test:map', [a, b, c, d], make), ['A', 'B', 'D']);
  assert.deepEqual(made, ['a', 'b', 'c', 'd']);
  made.length = 0;
  // `c` replaced by `e`: the head (a, b) and the tail (d) keep their results
  const changed = mapList('test:map', [a, b, e, d], make);
  assert.deepEqual(changed, ['A', 'B', 'E', 'D']);
  assert.deepEqual(made, ['e']);
  made.length = 0;
  // `e` replaced by `c` again: a new element whose result is undefined, so the list is as it was, and a new array
  const back = mapList('test:map', [a, b, c, d], make);
  assert.deepEqual(back, ['A', 'B', 'D']);
  assert.deepEqual(made, ['c']);
  // the same results in the same order: the array last handed out
  made.length = 0;
  assert.equal(mapList('test:map', [a, b, { id: 'c' }, d], make), back);
  assert.deepEqual(made, ['c']);
  // the very same list: no work at all
  const list = [a, d];
  const out = mapList('test:map', list, make);
  made.length = 0;
  assert.equal(mapList('test:map', list, make), out);
  assert.deepEqual(made, []);
  // an element that moved is made again (positions, not a set, are compared)
  assert.deepEqual(mapList('test:map', [d, a], make), ['D', 'A']);
  assert.deepEqual(made, ['d', 'a']);
});

test('sameAsLast, joinLists and memoOnLists hand out one array and one result while the inputs are the same', () => {
  const [x, y] = [{}, {}];
  const first = sameAsLast('test:same', [x, y]);
  assert.equal(sameAsLast('test:same', [x, y]), first);
  assert.notEqual(sameAsLast('test:same', [y, x]), first);

  const left = [x];
  const right = [y];
  const joined = joinLists('test:join', left, right);
  assert.deepEqual(joined, [x, y]);
  assert.equal(joinLists('test:join', left, right), joined);
  assert.equal(joinLists('test:join', left, []), sameAsLast('test:join', left), 'nothing on the right: the left list itself');

  let computed = 0;
  const compute = () => ++computed;
  assert.equal(memoOnLists([left, right], 'test', compute), 1);
  assert.equal(memoOnLists([left, right], 'test', compute), 1);
  assert.equal(memoOnLists([left, [y]], 'test', compute), 2, 'another second list is another combination');
  assert.equal(memoOnLists([left, right], 'other', compute), 3, 'another tag');
});

const sa = (name: string) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: apps\n  annotations:\n    azure.workload.identity/client-id: "00000000-0000-0000-0000-000000000001"\n`;
const deployment = (name: string, saName: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: apps\nspec:\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      serviceAccountName: ${saName}\n      containers:\n        - name: c\n          image: x\n      volumes:\n        - name: secrets\n          csi:\n            driver: secrets-store.csi.k8s.io\n            volumeAttributes:\n              secretProviderClass: secretz\n`;
const spc = (name: string) =>
  `apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: ${name}\n  namespace: apps\nspec:\n  provider: azure\n`;

const fixesOf = (findings: readonly Finding[], code: string, messageId: string) =>
  findings.filter((f) => f.code === code && f.messageId === messageId).map((f) => f.fixes);

test('cross-file joins: an edit to a file with none of the joined objects replays their reports; an edit to a joined object redoes them', () => {
  const runner = new RuleRunner([workloadIdentityLabels, csiVolumeMounts]);
  let ws = Workspace.create([
    { path: 'k8s/sa.yaml', text: sa('app') },
    { path: 'k8s/deploy.yaml', text: deployment('web', 'app') },
    { path: 'k8s/spc.yaml', text: spc('secrets') },
    { path: 'k8s/other.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n' },
  ]);
  const cold = runner.run(ws);
  const wiFixes = fixesOf(cold, 'AKS-WI-002', 'missingUseLabel');
  const kvFixes = fixesOf(cold, 'AKS-KV-005', 'notFound');
  assert.equal(wiFixes.length, 1, 'the Deployment lacks the use label');
  assert.ok(wiFixes[0]?.length, 'with a fix (compared by identity below)');
  assert.equal(kvFixes.length, 1, 'the volume names a class that does not exist');
  assert.ok(kvFixes[0]?.length, 'with a fix: the class of the closest name');

  // another YAML file: both rules run again (they read every YAML file) but their joins are replayed
  const invocations = runner.invocations.get('AKS-WI-002');
  ws = ws.withFile('k8s/other.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc2\n');
  const afterOther = runner.run(ws);
  assert.equal(runner.invocations.get('AKS-WI-002'), invocations! + 1);
  assert.deepEqual(afterOther, cold);
  assert.equal(fixesOf(afterOther, 'AKS-WI-002', 'missingUseLabel')[0], wiFixes[0], 'the same report, replayed');
  assert.equal(fixesOf(afterOther, 'AKS-KV-005', 'notFound')[0], kvFixes[0], 'the same report, replayed');

  // the joined pod's own file: its reports are made again, and they are what a fresh runner finds
  ws = ws.withFile('k8s/deploy.yaml', deployment('web', 'app').replace('image: x', 'image: y'));
  const afterPod = runner.run(ws);
  assert.notEqual(fixesOf(afterPod, 'AKS-WI-002', 'missingUseLabel')[0], wiFixes[0], 'made again');
  assert.notEqual(fixesOf(afterPod, 'AKS-KV-005', 'notFound')[0], kvFixes[0], 'made again');
  assert.deepEqual(afterPod, new RuleRunner([workloadIdentityLabels, csiVolumeMounts]).run(ws));

  // the ServiceAccount renamed: the pod no longer joins it, so the finding goes
  ws = ws.withFile('k8s/sa.yaml', sa('renamed'));
  const afterSa = runner.run(ws);
  assert.deepEqual(fixesOf(afterSa, 'AKS-WI-002', 'missingUseLabel'), []);
  assert.equal(fixesOf(afterSa, 'AKS-KV-005', 'notFound').length, 1, 'the volume still names no class');
  assert.deepEqual(afterSa, new RuleRunner([workloadIdentityLabels, csiVolumeMounts]).run(ws));
});

test('objectSites: YAML sites then Terraform ones, the same array while no object changed', () => {
  const obj = (name: string) => ({ name }) as unknown as K8sObject;
  const [a, b, c] = [obj('a'), obj('b'), obj('c')];
  const declared = [{ object: c, resource: {} }];
  const yamlSite = (o: K8sObject) => (o.name === 'b' ? undefined : `yaml:${o.name}`);
  const tfSite = (d: { object: K8sObject }) => `tf:${d.object.name}`;
  const sites = objectSites('test:object-sites', [a, b], yamlSite, declared, tfSite);
  assert.deepEqual(sites, ['yaml:a', 'tf:c']);
  assert.equal(objectSites('test:object-sites', [a, b], yamlSite, declared, tfSite), sites, 'nothing changed: the same array');
  assert.deepEqual(objectSites('test:object-sites', [a], yamlSite, [], tfSite), ['yaml:a']);
});

test('memoReportsPerItem: each item\'s reports in order, replayed while the list is the same array', () => {
  let calls = 0;
  const produce = function* (n: number) {
    calls++;
    for (let i = 0; i < n; i++) yield `${n}.${i}`;
  };
  const list = [2, 0, 1];
  const reports = memoReportsPerItem(list, 'test:per-item', produce);
  assert.deepEqual(reports, ['2.0', '2.1', '1.0']);
  assert.equal(memoReportsPerItem(list, 'test:per-item', produce), reports);
  assert.equal(calls, 3, 'replayed, not produced again');
  assert.deepEqual(memoReportsPerItem([1], 'test:per-item', produce), ['1.0'], 'another list is worked out');
  assert.equal(calls, 4);
});
