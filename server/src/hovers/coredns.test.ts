import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { hoverCoredns } from './coredns';

const YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: kube-system
data:
  log.override: |
    log
    cache 60
  corp.server: |
    corp.local:53 {
        forward . 10.0.0.4
    }
  custom: proxy
`;

const ws = Workspace.create([
  { path: 'cm.yaml', text: YAML },
  { path: 'main.tf', text: 'resource "kubernetes_config_map_v1_data" "c" {\n  metadata {\n    name      = "coredns-custom"\n    namespace = "kube-system"\n  }\n  data = {\n    "log.override" = "log"\n  }\n}\n' },
]);
const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = YAML.indexOf(needle, i + 1);
  return i;
};

test('a .override key explains where AKS pastes it and ends with the source', () => {
  const h = hoverCoredns(ws, 'cm.yaml', at('log.override') + 2)!;
  assert.match(h.markdown, /inside\*\* its default `\.:53/);
  assert.match(h.markdown, /rollout restart deployment coredns/);
  assert.match(h.markdown, /Source: MicrosoftDocs\/azure-aks-docs articles\/aks\/coredns-custom\.md$/);
  assert.deepEqual(h.range, { start: at('log.override'), end: at('log.override') + 'log.override'.length });
});

test('.server keys and ignored keys', () => {
  assert.match(hoverCoredns(ws, 'cm.yaml', at('corp.server'))!.markdown, /next to\*\* its default server block/);
  assert.match(hoverCoredns(ws, 'cm.yaml', at('custom:'))!.markdown, /AKS ignores this key/);
});

test('plugin names inside values: summary, AKS verdict, exact token range', () => {
  const cache = hoverCoredns(ws, 'cm.yaml', at('cache 60') + 1)!;
  assert.deepEqual(cache.range, { start: at('cache 60'), end: at('cache 60') + 5 });
  assert.match(cache.markdown, /Caches answers/);
  assert.match(cache.markdown, /In `.override` this fails/);
  assert.match(cache.markdown, /Source: coredns\/coredns plugin\/cache\/README\.md$/);
  const fwd = hoverCoredns(ws, 'cm.yaml', at('forward .'))!;
  assert.match(fwd.markdown, /forward FROM TO\.\.\./);
  assert.doesNotMatch(fwd.markdown, /In `.override`/);
  // `custom` is not a Corefile key, so its value is not parsed
  assert.equal(hoverCoredns(ws, 'cm.yaml', at('proxy')), undefined);
});

test('nothing outside CoreDNS content; Terraform keys and strings have no exact token, so no hover there', () => {
  assert.equal(hoverCoredns(ws, 'cm.yaml', at('namespace')), undefined);
  const tf = ws.file('main.tf')!.text;
  assert.equal(hoverCoredns(ws, 'main.tf', tf.indexOf('"log"') + 1), undefined);
  assert.equal(hoverCoredns(ws, 'missing.yaml', 0), undefined);
});

test('an unknown plugin says so', () => {
  const w = Workspace.create([{ path: 'a.yaml', text: YAML.replace('    log\n', '    proxy . 1.1.1.1\n') }]);
  const text = w.file('a.yaml')!.text;
  const h = hoverCoredns(w, 'a.yaml', text.indexOf('proxy .'))!;
  assert.match(h.markdown, /not a built-in CoreDNS plugin\. It was removed from CoreDNS; use `forward`/);
});
