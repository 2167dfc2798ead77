import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorefile } from '../../syntax/corefile/parse-corefile';
import {
  AKS_DEFAULT_BLOCK_PLUGINS, AKS_DEFAULT_COREFILE, customKeyKind, isDefaultServerKey, overrideVerdict, shadowsKubernetesZone,
} from './aks-default';
import { COREDNS_PLUGINS, executionOrder, isKnownDirective, isOncePerServerBlock, ONCE_PER_SERVER_BLOCK } from './plugins';

test('the AKS default Corefile parses into one .:53 block plus the top-level .server import', () => {
  const { corefile, diagnostics } = parseCorefile(AKS_DEFAULT_COREFILE);
  assert.deepEqual(diagnostics, []);
  assert.equal(corefile.serverBlocks.length, 1);
  const key = corefile.serverBlocks[0].keys[0];
  assert.equal(isDefaultServerKey(key.zone, key.port, key.scheme), true);
  assert.deepEqual(corefile.directives.map((d) => `${d.name} ${d.args[0].value}`), ['import custom/*.server']);
  assert.deepEqual(AKS_DEFAULT_BLOCK_PLUGINS.slice(0, 6), ['errors', 'ready', 'health', 'kubernetes', 'prometheus', 'forward']);
  for (const name of AKS_DEFAULT_BLOCK_PLUGINS) assert.ok(isKnownDirective(name), name);
});

test('.override verdicts follow aks-rules §2.6: once-only plugins already in the default block, and forward', () => {
  for (const p of ['errors', 'ready', 'kubernetes', 'prometheus', 'cache', 'loop']) {
    assert.deepEqual(overrideVerdict(p), { allowed: false, reason: 'once-only-already-in-default' }, p);
  }
  assert.deepEqual(overrideVerdict('forward'), { allowed: false, reason: 'forward-shadowed' });
  // once-only but absent from the default block, or multi-instance plugins: fine in .override
  for (const p of ['hosts', 'log', 'rewrite', 'template', 'health']) assert.deepEqual(overrideVerdict(p), { allowed: true }, p);
});

test('plugin facts: known names, once-only set, execution order', () => {
  assert.equal(isKnownDirective('proxy'), false);
  assert.equal(isKnownDirective('import'), true);
  assert.equal(isKnownDirective('Forward'), false);
  assert.ok(ONCE_PER_SERVER_BLOCK.every((p) => COREDNS_PLUGINS.includes(p)));
  assert.equal(isOncePerServerBlock('hosts'), true);
  assert.equal(isOncePerServerBlock('forward'), false);
  assert.ok(executionOrder('rewrite') < executionOrder('kubernetes'));
  assert.ok(executionOrder('kubernetes') < executionOrder('forward'));
  assert.equal(executionOrder('nope'), -1);
});

test('every plugin README folder in the corpus names a known directive', (t) => {
  const dir = join(resolve(__dirname, '../../../..', '../shared/corpus'), 'corefile/coredns__coredns/plugin');
  if (!existsSync(dir)) return t.skip(`corpus absent: ${dir} not found`);
  // the metrics plugin's directive is "prometheus"
  const names = readdirSync(dir).map((n) => (n === 'metrics' ? 'prometheus' : n));
  assert.ok(names.length > 20);
  for (const n of names) assert.ok(isKnownDirective(n), n);
});

test('key kinds, default server keys and cluster.local shadowing', () => {
  assert.equal(customKeyKind('log.override'), 'override');
  assert.equal(customKeyKind('puglife.server'), 'server');
  assert.equal(customKeyKind('custom'), 'invalid');
  assert.equal(isDefaultServerKey('.', undefined, 'dns'), true);
  assert.equal(isDefaultServerKey('.', '5353', undefined), false);
  assert.equal(isDefaultServerKey('example.org', '53', undefined), false);
  assert.equal(shadowsKubernetesZone('svc.cluster.local.'), 'cluster.local');
  assert.equal(shadowsKubernetesZone('10.in-addr.arpa'), 'in-addr.arpa');
  assert.equal(shadowsKubernetesZone('notcluster.local'), undefined);
});
