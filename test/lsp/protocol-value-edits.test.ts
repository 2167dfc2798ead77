import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { uriOf } from './lsp-test-client';
import { applyLspEdits, editsFor, findAction, withServer } from './lsp-test-helpers';
import { generateTerraform } from './generated-workspace';

// Typing in a literal value keeps the findings of checks that do not read it (engine/kept-reports.ts). Their quick
// fixes, worked out when asked, must edit the text as it is now, after the edit moved everything behind it.

test('a quick fix of a finding kept over a value edit applies at the moved offsets', () =>
  withServer({}, async (client, ws) => {
    const uri = uriOf(ws.path('main.tf'));
    const text = generateTerraform(52);
    const first = client.waitForDiagnostics(uri, (_, p) => p.version === 1, 'first analysis');
    await client.open(uri, 'terraform', text);
    const fixFor = async (diags: readonly Diagnostic[]): Promise<CodeAction> => {
      const diag = diags.find((d) => d.code === 'AKS-ID-002');
      assert.ok(diag, `AKS-ID-002 in ${JSON.stringify(diags.map((d) => d.code))}`);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
      return findAction(actions, /kubelet/i);
    };
    const before = await fixFor(await first);
    const fixedBefore = applyLspEdits(text, editsFor(before.edit, uri));
    assert.notEqual(fixedBefore, text);

    // one more digit in the default pool's node_count, before the cluster's identity block the fix writes after
    const typed = text.replace('node_count     = 1', 'node_count     = 12');
    assert.notEqual(typed, text);
    const second = client.waitForDiagnostics(uri, (_, p) => p.version === 2, 'after the value edit');
    await client.replaceAll(uri, typed, 2);
    const after = await fixFor(await second);
    const fixedAfter = applyLspEdits(typed, editsFor(after.edit, uri));
    assert.equal(fixedAfter, fixedBefore.replace('node_count     = 1', 'node_count     = 12'));

    // a digit typed over: nothing moves, the finding is handed out as it was, and its fix is worked out anew
    const over = typed.replace('node_count     = 12', 'node_count     = 13');
    const third = client.waitForDiagnostics(uri, (_, p) => p.version === 3, 'after the same-length edit');
    await client.replaceAll(uri, over, 3);
    const again = await fixFor(await third);
    const fixedOver = applyLspEdits(over, editsFor(again.edit, uri));
    assert.equal(fixedOver, fixedBefore.replace('node_count     = 1', 'node_count     = 13'));

    const fourth = client.waitForDiagnostics(uri, (_, p) => p.version === 4, 'after the fix');
    await client.replaceAll(uri, fixedOver, 4);
    assert.deepEqual((await fourth).map((d) => d.code).filter((c) => c === 'AKS-ID-002' || c === 'AKS-SYN-001'), []);
  }));
