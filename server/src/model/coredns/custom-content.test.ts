import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isServerAddress, keyStemForZone, looksLikeServerBlocks, suggestCustomKey } from './custom-content';

test('server addresses are told apart from plugin names', () => {
  for (const s of ['example.com:53', '.', '.:53', 'dns://.:53', 'example.org', 'corp.local.']) assert.equal(isServerAddress(s), true, s);
  for (const s of ['hosts', 'forward', 'log', 'proxy', 'frobnicate', '']) assert.equal(isServerAddress(s), false, s);
});

test('server-block text versus plugin lines', () => {
  assert.equal(looksLikeServerBlocks('puglife.local:53 {\n    errors\n    forward . 10.0.0.1\n}\n'), true);
  assert.equal(looksLikeServerBlocks('a.com:53 {\n log\n}\nb.com {\n log\n}\n'), true);
  assert.equal(looksLikeServerBlocks('hosts {\n    10.0.0.1 a.org\n    fallthrough\n}\n'), false);
  assert.equal(looksLikeServerBlocks('log\n'), false);
  assert.equal(looksLikeServerBlocks(''), false);
});

test('key suggestions: near-miss suffixes, then content decides .server or .override', () => {
  assert.equal(suggestCustomKey('log.override', 'log'), undefined);
  assert.equal(suggestCustomKey('test.overide', 'log'), 'test.override');
  assert.equal(suggestCustomKey('test.Override', 'log'), 'test.override');
  assert.equal(suggestCustomKey('x_server', 'log'), 'x.server');
  assert.equal(suggestCustomKey('x.servers', 'log'), 'x.server');
  assert.equal(suggestCustomKey('custom', 'log'), 'custom.override');
  assert.equal(suggestCustomKey('Corefile', 'example.com {\n  forward . 1.1.1.1\n}\n'), 'Corefile.server');
  assert.equal(suggestCustomKey('my.conf', 'log'), 'my.conf.override');
});

test('key stems for zones', () => {
  assert.equal(keyStemForZone('corp.contoso.com.'), 'corp.contoso.com');
  assert.equal(keyStemForZone('.'), undefined);
  assert.equal(keyStemForZone('a b'), undefined);
});
