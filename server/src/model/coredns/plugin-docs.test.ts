import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluginReadmePath, pluginSummary } from './plugin-docs';
import { AKS_DEFAULT_BLOCK_PLUGINS } from './aks-default';

test('every plugin of the AKS default block has a specific summary', () => {
  for (const p of AKS_DEFAULT_BLOCK_PLUGINS) {
    const s = pluginSummary(p);
    assert.ok(s && !s.startsWith('Built-in CoreDNS plugin;'), p);
  }
  assert.match(pluginSummary('hosts')!, /fallthrough/);
});

test('unknown names have no summary; prometheus lives in plugin/metrics', () => {
  assert.equal(pluginSummary('proxy'), undefined);
  assert.equal(pluginSummary('Forward'), undefined);
  assert.equal(pluginReadmePath('prometheus'), 'plugin/metrics/README.md');
  assert.equal(pluginReadmePath('forward'), 'plugin/forward/README.md');
});
