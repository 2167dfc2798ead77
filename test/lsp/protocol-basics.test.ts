import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver/node';
import { repoRoot, uriOf } from './lsp-test-client';
import { applyLspEdits, editsFor, findAction, rangeOf, withServer } from './lsp-test-helpers';

// initialize -> didOpen -> publishDiagnostics -> hover -> codeAction -> apply -> diagnostics gone, over stdio.

const testServer = resolve(repoRoot, 'test/lsp/fixtures/test-server.ts');
const BAD = 'resource "azurerm_kubernetes_cluster" "c" {\n  name = "bad"\n}\n';

test('real server: capabilities and a syntax error published with code, range, link and data', () =>
  withServer({  }, async (client, ws) => {
    assert.equal(client.initResult!.capabilities.hoverProvider, true);
    assert.deepEqual((client.initResult!.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.aksLint']);
    const uri = uriOf(ws.path('broken.tf'));
    const text = 'resource "azurerm_kubernetes_cluster" "c" {\n  name = \n';
    const got = client.waitForDiagnostics(uri, (d) => d.length > 0);
    await client.open(uri, 'terraform', text);
    const diags = await got;
    const syn = diags.find((d) => d.code === 'AKS-SYN-001');
    assert.ok(syn, `expected AKS-SYN-001, got ${diags.map((d) => d.code)}`);
    assert.equal(syn.source, 'aks-lint');
    assert.equal(syn.codeDescription?.href, 'https://github.com/aks-lint/aks-lint/blob/main/docs/rules/AKS-SYN-001-hcl-syntax.md');
    assert.deepEqual((syn.data as { code: string }).code, 'AKS-SYN-001');
    assert.ok(syn.range.start.line >= 1, `the error is after line 0: ${JSON.stringify(syn.range)}`);
    const roleUri = uriOf(ws.path('roles.tf'));
    const roleText = 'resource "azurerm_role_assignment" "r" {\n  role_definition_name = "AcrPull"\n}\n';
    const roleDiags = client.waitForDiagnostics(roleUri, (_, p) => p.version === 1);
    await client.open(roleUri, 'terraform', roleText);
    await roleDiags;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: roleUri }, position: { line: 1, character: 28 } });
    assert.match((hover.contents as { value: string }).value, /\*\*AcrPull\*\*: built-in Azure role[^]*7f951dda-4ed3-4680-a7ca-43fe172d538d/);
    const identities = await client.request<{ v: number; available: boolean }>('aksLint/identities', {});
    assert.equal(identities.v, 1);
  }));

test('hover, quick fix, ignore comment and fix-all round-trip through the editor protocol', () =>
  withServer({ entry: testServer }, async (client, ws) => {
    const uri = uriOf(ws.path('main.tf'));
    const first = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'AKS-TST-001'));
    await client.open(uri, 'terraform', BAD);
    const [diag] = (await first).filter((d) => d.code === 'AKS-TST-001');
    assert.deepEqual(diag.range, rangeOf(BAD, 'bad'));
    assert.equal(diag.severity, 2);

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: diag.range.start });
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /AKS-TST-001/);
    assert.match(md, /Names are not/);
    assert.match(md, /Rename to "good"/);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const fix = findAction(actions, /Rename to "good"/);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((d: Diagnostic) => d.code), ['AKS-TST-001']);
    const docs = findAction(actions, /Show documentation for AKS-TST-001/);
    await client.request('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    assert.deepEqual(client.shownDocuments, ['https://github.com/aks-lint/aks-lint/blob/main/docs/rules/AKS-TST-001-test-bad-name.md']);

    const ignored = applyLspEdits(BAD, editsFor(findAction(actions, /Ignore AKS-TST-001 on this line/).edit, uri));
    assert.equal(ignored, 'resource "azurerm_kubernetes_cluster" "c" {\n  # aks-lint-ignore AKS-TST-001\n  name = "bad"\n}\n');
    const silenced = client.waitForDiagnostics(uri, (_, p) => p.version === 2, 'version 2');
    await client.replaceAll(uri, ignored, 2);
    assert.deepEqual((await silenced).filter((d) => d.code === 'AKS-TST-001'), [], 'the ignore comment silences the finding');

    const fixed = applyLspEdits(BAD, editsFor(fix.edit, uri));
    assert.equal(fixed, BAD.replace('"bad"', '"good"'));
    const gone = client.waitForDiagnostics(uri, (_, p) => p.version === 3, 'version 3');
    await client.replaceAll(uri, fixed, 3);
    assert.deepEqual(await gone, []);

    const two = `${BAD}resource "x" "y" {\n  name = "bad"\n}\n`;
    const both = client.waitForDiagnostics(uri, (d, p) => p.version === 4 && d.length === 2, 'two findings');
    await client.replaceAll(uri, two, 4);
    await both;
    const source = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const all = findAction(source, /Fix all AKS Lint problems/);
    assert.equal(all.kind, 'source.fixAll.aksLint');
    assert.equal(applyLspEdits(two, editsFor(all.edit, uri)), two.replaceAll('"bad"', '"good"'));
  }));

test('settings apply without restart: a rule turned off, then the extension disabled', () =>
  withServer({ entry: testServer }, async (client, ws) => {
    const uri = uriOf(ws.path('main.tf'));
    const first = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'AKS-TST-001'));
    await client.open(uri, 'terraform', `${BAD}resource "a" "b" {\n  needs = "db"\n}\n`);
    await first;
    client.settings = { enable: true, rules: { 'test-bad-name': 'off' }, configFile: '', varFiles: [] };
    const off = client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'AKS-TST-001'), 'AKS-TST-001 off');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await off).map((d) => d.code), ['AKS-TST-002'], 'the other rule still reports');
    client.settings = { ...client.settings, enable: false };
    const cleared = client.waitForDiagnostics(uri, (d) => d.length === 0, 'cleared');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await cleared;
  }));
