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

test('KV sites: one list per snapshot; views of untouched files are kept across an edit', () => {
  const ws = Workspace.create([
    { path: 'k8s/spc.yaml', text: spc('a') },
    { path: 'k8s/pod.yaml', text: pod('p', 'a') },
  ]);
  const sites = spcSites(ctxOf(ws));
  assert.deepEqual(sites.map((s) => s.object.name), ['a']);
  assert.equal(spcSites(ctxOf(ws)), sites, 'same snapshot: the same list');
  const edited = ws.withFile('k8s/pod.yaml', pod('q', 'a'));
  const after = spcSites(ctxOf(edited));
  assert.notEqual(after, sites, 'a YAML edit brings a new list');
  assert.equal(after[0].view, sites[0].view, 'the untouched class keeps its view');
  assert.deepEqual(podSites(ctxOf(edited)).map((p) => p.object.name), ['q']);
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
