import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, uriOf } from './lsp-test-client';
import { tempWorkspace, withServer } from './lsp-test-helpers';
import { LspTestClient } from './lsp-test-client';

// The workspace beyond open documents: indexing with progress, cross-file facts, watched files, open-over-disk.

const testServer = resolve(repoRoot, 'test/lsp/fixtures/test-server.ts');
const NEEDS = 'resource "a" "b" {\n  needs = "db"\n}\n';
const codes = (d: { code?: unknown }[]): unknown[] => d.map((x) => x.code);

test('unopened files are indexed with work-done progress and get diagnostics', () =>
  withServer({ entry: testServer, files: { 'main.tf': NEEDS, 'broken.tf': 'resource "x" {\n' } }, async (client, ws) => {
    const mainUri = uriOf(ws.path('main.tf'));
    const brokenUri = uriOf(ws.path('broken.tf'));
    const main = client.waitForDiagnostics(mainUri, (d) => d.length > 0);
    const broken = client.waitForDiagnostics(brokenUri, (d) => d.length > 0);
    assert.deepEqual(codes(await main), ['AKS-TST-002']);
    assert.ok(codes(await broken).includes('AKS-SYN-001'));
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    const reg = JSON.stringify(client.registrations);
    for (const glob of ['**/*.tf', '**/*.tfvars', '**/*.yaml', '**/*.yml', '**/.aks-lint.yaml', '**/.terraform.lock.hcl']) assert.ok(reg.includes(glob), glob);
  }));

test('a cross-file fact changed in one document updates the other file, first the edited one', () =>
  withServer({ entry: testServer, files: { 'main.tf': NEEDS } }, async (client, ws) => {
    const mainUri = uriOf(ws.path('main.tf'));
    const yamlUri = uriOf(ws.path('app.yaml'));
    await client.waitForDiagnostics(mainUri, (d) => d.length === 1);
    const cleared = client.waitForDiagnostics(mainUri, (d) => d.length === 0, 'main.tf cleared');
    await client.open(yamlUri, 'yaml', 'kind: ConfigMap\nprovides: db\n');
    await cleared;
    const back = client.waitForDiagnostics(mainUri, (d) => d.length === 1, 'main.tf error back');
    const before = client.publishes.length;
    await client.replaceAll(yamlUri, 'kind: ConfigMap\nprovides: cache\n', 2);
    await back;
    const order = client.publishes.slice(before).map((p) => p.uri);
    assert.ok(order.indexOf(yamlUri) >= 0 && order.indexOf(yamlUri) < order.indexOf(mainUri), `edited file first: ${order.join(', ')}`);
    // closing a document that is not on disk removes its facts: the need is unmet again
    const provided = client.waitForDiagnostics(mainUri, (d) => d.length === 0, 'provided again');
    await client.replaceAll(yamlUri, 'provides: db\n', 3);
    await provided;
    const unmet = client.waitForDiagnostics(mainUri, (d) => d.length === 1, 'unmet after close');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: yamlUri } });
    await unmet;
  }));

test('watched-file changes of unopened files are analysed; open documents override disk', () =>
  withServer({ entry: testServer, files: { 'main.tf': NEEDS } }, async (client, ws) => {
    const mainUri = uriOf(ws.path('main.tf'));
    await client.waitForDiagnostics(mainUri, (d) => d.length === 1);
    writeFileSync(ws.path('db.yml'), 'provides: db\n');
    const cleared = client.waitForDiagnostics(mainUri, (d) => d.length === 0, 'created');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('db.yml')), type: 1 }] });
    await cleared;

    // main.tf open with different text: the open text wins over what is on disk
    const openText = 'resource "a" "b" {\n  needs = "queue"\n}\n';
    const openWins = client.waitForDiagnostics(mainUri, (d) => d.length === 1 && /queue/.test(d[0].message), 'open text');
    await client.open(mainUri, 'terraform', openText);
    await openWins;
    writeFileSync(ws.path('main.tf'), NEEDS.replace('db', 'other'));
    const before = client.publishes.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: mainUri, type: 2 }] });
    const stillQueue = client.waitForDiagnostics(mainUri, (d) => d.length === 0, 'queue provided');
    writeFileSync(ws.path('q.yaml'), 'provides: queue\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('q.yaml')), type: 1 }] });
    await stillQueue;
    assert.ok(!client.publishes.slice(before).some((p) => p.uri === mainUri && p.diagnostics.some((d) => /other/.test(d.message))), 'disk text never used while open');

    rmSync(ws.path('q.yaml'));
    const back = client.waitForDiagnostics(mainUri, (d) => d.length === 1, 'deleted');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('q.yaml')), type: 3 }] });
    await back;
  }));

test('a file opened before indexing still counts from disk after its editor closes', async () => {
  const ws = tempWorkspace({ 'main.tf': NEEDS });
  const mainUri = uriOf(ws.path('main.tf'));
  const yamlUri = uriOf(ws.path('app.yaml'));
  const { client } = await LspTestClient.start({ entry: testServer, folders: [ws.dir], openBeforeIndexing: [{ uri: mainUri, languageId: 'terraform', text: NEEDS }] });
  try {
    await client.waitForDiagnostics(mainUri, (d) => d.length === 1, 'need unmet');
    const beforeClose = client.publishes.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: mainUri } });
    // a request after the close is answered after everything the close caused was sent (one ordered stream)
    await client.request('textDocument/hover', { textDocument: { uri: mainUri }, position: { line: 0, character: 0 } });
    const dropped = client.publishes.slice(beforeClose).some((p) => p.uri === mainUri && p.diagnostics.length === 0);
    assert.equal(dropped, false, 'closing the editor must not drop the file that is on disk');
    // and it is still analysed: providing the need clears it, withdrawing it brings it back
    const cleared = client.waitForDiagnostics(mainUri, (d) => d.length === 0, 'provided');
    await client.open(yamlUri, 'yaml', 'provides: db\n');
    await cleared;
    const back = client.waitForDiagnostics(mainUri, (d) => d.length === 1, 'unmet again');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: yamlUri } });
    await back;
  } finally {
    await client.stop();
    ws.remove();
  }
});
