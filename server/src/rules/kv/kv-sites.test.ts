import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../model/workspace';
import type { CheckContext } from '../kit/define-rule';
import { podSites, podsNaming, spcSites } from './kv-sites';

const spc = (name: string) =>
  `apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: ${name}\nspec:\n  provider: azure\n`;
const pod = (name: string, spcName: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: x\n  volumes:\n    - name: v\n      csi:\n        driver: secrets-store.csi.k8s.io\n        volumeAttributes:\n          secretProviderClass: ${spcName}\n`;

// the two queries the sites read (the engine's tracking is not under test here)
const ctxOf = (ws: Workspace) => ({ k8sObjects: () => ws.k8sObjects(), terraform: () => ws.terraform() }) as unknown as CheckContext;

test('KV sites: one list per snapshot; sites of untouched files, and a list none of whose objects changed, are kept across an edit', () => {
  const ws = Workspace.create([
    { path: 'k8s/spc.yaml', text: spc('a') },
    { path: 'k8s/pod.yaml', text: pod('p', 'a') },
  ]);
  const sites = spcSites(ctxOf(ws));
  const pods = podSites(ctxOf(ws));
  assert.deepEqual(sites.map((s) => s.object.name), ['a']);
  assert.equal(spcSites(ctxOf(ws)), sites, 'same snapshot: the same list');
  const edited = ws.withFile('k8s/pod.yaml', pod('q', 'a'));
  assert.notEqual(edited.k8sObjects(), ws.k8sObjects(), 'the edit rebuilds the object list');
  assert.equal(spcSites(ctxOf(edited)), sites, 'no class changed: the same list, so indexes over it are kept');
  const editedPods = podSites(ctxOf(edited));
  assert.notEqual(editedPods, pods, 'the edited pod brings a new pod list');
  assert.deepEqual(editedPods.map((p) => p.object.name), ['q']);
  const renamed = edited.withFile('k8s/spc.yaml', spc('b'));
  const after = spcSites(ctxOf(renamed));
  assert.notEqual(after, sites, 'an edited class brings a new list');
  assert.deepEqual(after.map((s) => s.object.name), ['b']);
  assert.equal(podSites(ctxOf(renamed)), editedPods, 'and leaves the pod list as it was');
});

test('podsNaming: pods by the SecretProviderClass their Secrets Store volumes name, in list order', () => {
  const ws = Workspace.create([
    { path: 'k8s/a.yaml', text: pod('p1', 'one') },
    { path: 'k8s/b.yaml', text: pod('p2', 'two') },
    { path: 'k8s/c.yaml', text: pod('p3', 'one') },
  ]);
  const pods = podSites(ctxOf(ws));
  assert.deepEqual(podsNaming(pods, 'one').map((p) => p.object.name), ['p1', 'p3']);
  assert.deepEqual(podsNaming(pods, 'two').map((p) => p.object.name), ['p2']);
  assert.deepEqual(podsNaming(pods, 'three'), []);
});
