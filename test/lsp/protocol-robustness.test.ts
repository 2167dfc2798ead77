import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Hover } from 'vscode-languageserver/node';
import { LspTestClient, repoRoot, uriOf, withTimeout } from './lsp-test-client';
import { withServer } from './lsp-test-helpers';

// Hostile input: a crashing rule, a 50 MB file, a binary file, 10,000-deep nesting, a storm of edits.
// Each test ends by proving the server is alive AND still correct (a fresh file gets its expected finding).

const testServer = resolve(repoRoot, 'test/lsp/fixtures/test-server.ts');
const BAD = 'resource "azurerm_kubernetes_cluster" "c" {\n  name = "bad"\n}\n';

async function assertAliveAndCorrect(client: LspTestClient, dir: string, name: string): Promise<void> {
  assert.ok(client.alive, 'server process still running');
  const uri = uriOf(`${dir}/${name}`);
  const got = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'AKS-TST-001'), 'a normal finding after the stress');
  await client.open(uri, 'terraform', BAD);
  await got;
}

test('a rule that throws becomes one internal finding; the other rules still report', () =>
  withServer({ entry: testServer }, async (client, ws) => {
    const uri = uriOf(ws.path('boom.tf'));
    const got = client.waitForDiagnostics(uri, (d) => d.length >= 2);
    await client.open(uri, 'terraform', `# BOOM\n${BAD}`);
    const diags = await got;
    const internal = diags.filter((d) => d.code === 'AKS-INT-001');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /AKS-TST-003.*kaboom/);
    assert.ok(diags.some((d) => d.code === 'AKS-TST-001'));
    await assertAliveAndCorrect(client, ws.dir, 'after.tf');
  }));

test('a 50 MB file and a binary file get a notice, not a stall or a crash', () =>
  withServer({ entry: testServer }, async (client, ws) => {
    const bigUri = uriOf(ws.path('big.tf'));
    const line = 'locals { x = "0123456789012345678901234567890123456789012345678901234567890123456789" }\n';
    const big = line.repeat(Math.ceil(50_000_000 / line.length));
    const bigDiag = client.waitForDiagnostics(bigUri, (d) => d.length > 0);
    await client.open(bigUri, 'terraform', big);
    const [notice] = await bigDiag;
    assert.match(notice.message, /not analysed: 50\.\d M characters/);
    const binUri = uriOf(ws.path('blob.yaml'));
    const binDiag = client.waitForDiagnostics(binUri, (d) => d.length > 0);
    await client.open(binUri, 'yaml', `\u0000\u0001PK\u0003\u0004${'\u00ff\u0000'.repeat(5000)}`);
    assert.match((await binDiag)[0].message, /looks binary/);
    await assertAliveAndCorrect(client, ws.dir, 'after.tf');
  }));

test('10,000-deep nesting in HCL and YAML leaves the server alive and correct', () =>
  withServer({ entry: testServer }, async (client, ws) => {
    const tfUri = uriOf(ws.path('deep.tf'));
    const tf = client.waitForDiagnostics(tfUri);
    await client.open(tfUri, 'terraform', `locals {\n  x = ${'['.repeat(10_000)}1${']'.repeat(10_000)}\n}\n`);
    assert.ok(!(await tf).some((d) => d.code === 'AKS-INT-001'), 'the parser copes without crashing a rule');
    const yamlUri = uriOf(ws.path('deep.yaml'));
    const yaml = client.waitForDiagnostics(yamlUri);
    await client.open(yamlUri, 'yaml', `a: ${'['.repeat(10_000)}1${']'.repeat(10_000)}\n`);
    assert.ok(!(await yaml).some((d) => d.code === 'AKS-INT-001'), 'the YAML reader copes without crashing a rule');
    await assertAliveAndCorrect(client, ws.dir, 'after.tf');
  }));

test('1,000 changes per second: the last version wins, nothing stale is published after it', () =>
  withServer({ entry: testServer }, async (client, ws) => {
    const uri = uriOf(ws.path('storm.tf'));
    await client.open(uri, 'terraform', BAD);
    await client.waitForDiagnostics(uri, (d) => d.length === 1);
    const N = 1000;
    const started = Date.now();
    const final = client.waitForDiagnostics(uri, (_, p) => p.version === N + 1, 'the final version');
    for (let v = 2; v <= N + 1; v++) {
      // odd versions are clean, even versions have the finding; the last one (1001) is clean
      const text = v % 2 === 0 ? BAD : BAD.replace('"bad"', '"fine"');
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      // pace at ~1 per ms: load generation, not synchronisation (the result is awaited as an event below)
      if (v % 100 === 0) await new Promise((r) => setTimeout(r, Math.max(0, started + v - Date.now())));
    }
    assert.deepEqual(await final, []);
    const afterFinal = client.publishes.filter((p) => p.uri === uri && (p.version ?? 0) > N + 1);
    assert.deepEqual(afterFinal, []);
    const hover = await withTimeout(client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10 } }), 'hover');
    assert.equal(hover, null, 'no stale finding under the cursor');
    await assertAliveAndCorrect(client, ws.dir, 'after.tf');
  }));
