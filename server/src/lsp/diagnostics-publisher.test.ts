import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../engine/finding';
import { LineIndex } from '../text/line-index';
import { DiagnosticsPublisher } from './diagnostics-publisher';

// The publisher remembers what it sent as a hash: an unchanged file is not sent again, a changed one is, and an edited
// document is always answered.

const text = 'resource "a" "b" {\n  x = 1\n}\n';

function finding(message: string): Finding {
  return { code: 'AKS-T-001', name: 'test-rule', severity: 'warning', message, messageId: 'm', file: '/ws/main.tf', range: { start: 21, end: 26 } };
}

function publisher(): { p: DiagnosticsPublisher; sent: { uri: string; diagnostics: Diagnostic[]; version: number | undefined }[] } {
  const sent: { uri: string; diagnostics: Diagnostic[]; version: number | undefined }[] = [];
  const files = { uriOf: (f: string) => `file://${f}`, lineIndexOf: () => new LineIndex(text) };
  return { p: new DiagnosticsPublisher(files, (uri, diagnostics, version) => void sent.push({ uri, diagnostics, version })), sent };
}

test('a workspace pass sends a file only when its diagnostics changed', () => {
  const { p, sent } = publisher();
  assert.equal(p.publish('/ws/main.tf', [finding('one')]), true);
  assert.equal(p.publish('/ws/main.tf', [finding('one')]), false, 'same diagnostics');
  assert.equal(p.publish('/ws/main.tf', [finding('two')]), true, 'other message');
  assert.equal(p.publish('/ws/main.tf', []), true, 'cleared');
  assert.equal(p.publish('/ws/main.tf', []), false, 'still clear');
  assert.deepEqual(sent.map((s) => s.diagnostics.length), [1, 1, 0]);
  assert.deepEqual(p.shown(), []);
});

test('an edited document is always answered, and the next pass compares against that answer', () => {
  const { p, sent } = publisher();
  assert.equal(p.publish('/ws/main.tf', [finding('one')], [], 3), true);
  assert.equal(p.publish('/ws/main.tf', [finding('one')], [], 4), true, 'an edit is answered even when unchanged');
  assert.equal(p.publish('/ws/main.tf', [finding('one')]), false, 'the pass after the edit: unchanged');
  assert.equal(p.publish('/ws/main.tf', [finding('two')], [], 5), true);
  assert.equal(p.publish('/ws/main.tf', [finding('three')]), true, 'the pass after the edit: changed');
  assert.equal(p.publish('/ws/main.tf', [finding('three')]), false);
  assert.deepEqual(sent.map((s) => s.version), [3, 4, 5, undefined]);
  assert.deepEqual(p.shown(), ['/ws/main.tf']);
});

test('a file without findings is published without asking for its line index', () => {
  const asked: string[] = [];
  const files = { uriOf: (f: string) => `file://${f}`, lineIndexOf: (f: string) => (asked.push(f), new LineIndex(text)) };
  const p = new DiagnosticsPublisher(files, () => undefined);
  p.publish('/ws/clean.tf', []);
  p.publish('/ws/main.tf', [finding('one')]);
  assert.deepEqual(asked, ['/ws/main.tf']);
});
