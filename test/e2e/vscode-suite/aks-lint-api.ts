// API-level integration tests, run inside the extension host with the extension under development loaded:
// diagnostics, quick fix through executeCodeActionProvider + applyEdit, hover, commands and the tree's data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWith, EXTENSION_ID, hoverText, open, poll, positionOf } from './api-helpers';
import { test } from './runner';

const TF = 'e2e-identity.tf';

test('the extension activates on a Terraform workspace', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await open(TF);
  await poll('activation', () => ext.isActive);
});

test('getDiagnostics reports the seeded codes with source and rule links', async () => {
  const doc = await open(TF);
  for (const code of ['AKS-ID-002', 'AKS-RA-001', 'AKS-RA-002']) {
    const [d] = await poll(`${code} on ${TF}`, () => { const ds = diagnosticsWith(doc.uri, code); return ds.length > 0 && ds; });
    assert.equal(d.source, 'aks-lint');
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes(code), `${code} links its rule page`);
  }
});

test('executeCodeActionProvider + applyEdit complete kubelet_identity and clear AKS-ID-002', async () => {
  const doc = await open(TF);
  const [diag] = await poll('AKS-ID-002', () => { const ds = diagnosticsWith(doc.uri, 'AKS-ID-002'); return ds.length > 0 && ds; });
  // The last argument resolves up to 20 actions, so lazily computed edits are filled in as a user's click would.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value, 20);
  const fix = actions.find((a) => a.edit && /kubelet_identity|client_id|object_id/.test(a.title) && !/^(Ignore|Show documentation|Fix all)/.test(a.title));
  assert.ok(fix?.edit, `a fix for AKS-ID-002; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  const text = doc.getText().replace(/\s+/g, ' ');
  assert.ok(text.includes('client_id = azurerm_user_assigned_identity.kubelet.client_id'), 'client_id filled in');
  assert.ok(text.includes('object_id = azurerm_user_assigned_identity.kubelet.principal_id'), 'object_id filled in');
  await poll('AKS-ID-002 cleared', () => diagnosticsWith(doc.uri, 'AKS-ID-002').length === 0);
  await doc.save();
});

test('executeHoverProvider explains the AcrPull assignment and links the rule', async () => {
  const doc = await open(TF);
  const at = positionOf(doc, 'azurerm_user_assigned_identity.aks.principal_id', 1).translate(0, 5);
  const text = await poll('hover content', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    return hoverText(hovers).trim() || undefined;
  });
  assert.match(text, /kubelet/i);
  assert.match(text, /\]\([^)]*AKS-RA-002[^)]*\)/, 'a markdown link to the AKS-RA-002 rule page');
});

test('every contributed command is registered; Explain opens the identities webview', async () => {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
  const all = new Set(await vscode.commands.getCommands(true));
  const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !all.has(c));
  assert.deepEqual(missing, [], 'contributed but unregistered commands');
  await open(TF);
  // Not awaited: with several clusters in the workspace the command first asks which one (a quick pick).
  const explained = vscode.commands.executeCommand('aksLint.identities.explain');
  await poll('an "AKS identities" webview tab', async () => {
    const open = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((tab) => tab.input instanceof vscode.TabInputWebview && /AKS identities/.test(tab.label));
    if (!open) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // no-op without a picker
    return open;
  });
  await explained;
});

test('the AKS Identities tree data lists the cluster, its identities and role assignments', async () => {
  // Contract: activate() returns { identityTree }, the TreeDataProvider behind the aksLint.identities view.
  const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { identityTree?: vscode.TreeDataProvider<unknown> } | undefined;
  const tree = api?.identityTree;
  assert.ok(tree, 'activate() returns { identityTree: TreeDataProvider } for API tests');
  const label = async (e: unknown) => { const item = await tree.getTreeItem(e); return typeof item.label === 'object' ? item.label.label : String(item.label); };
  const clusters = await poll('a cluster in the tree', async () => { const c = (await tree.getChildren()) ?? []; return c.length > 0 && c; });
  const labels = await Promise.all(clusters.map(label));
  const index = labels.findIndex((l) => l.includes('aks-e2e'));
  assert.ok(index >= 0, `cluster aks-e2e in ${labels.join(', ')}`);
  const identities = (await tree.getChildren(clusters[index])) ?? [];
  const idLabels = await Promise.all(identities.map(label));
  assert.ok(idLabels.some((l) => /kubelet/i.test(l)), `kubelet identity in ${idLabels.join(', ')}`);
  const roles = (await Promise.all(identities.map(async (i) => Promise.all(((await tree.getChildren(i)) ?? []).map(label))))).flat();
  assert.ok(roles.some((r) => r.includes('Managed Identity Operator')), `role assignments: ${roles.join(', ')}`);
});
