import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SourceLocation } from '../../../server/src/lsp/protocol';
import { identityPageHtml } from '../webview/identity-html';
import { fetchClusters, pickCluster } from './identities-source';
import { revealLocation } from './reveal-location';

export const EXPLAIN_COMMAND = 'aksLint.identities.explain';

/** "AKS: Explain AKS identities": a webview with the graph and a text version; clicking a node reveals its source. */
export function registerExplainIdentities(client: LanguageClient): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  return vscode.commands.registerCommand(EXPLAIN_COMMAND, async () => {
    const cluster = await pickCluster(await fetchClusters(client));
    if (!panel) {
      panel = vscode.window.createWebviewPanel('aksLint.identities', 'AKS identities', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
      });
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage((m: { type?: string; location?: SourceLocation }) => {
        if (m?.type === 'reveal' && m.location) void revealLocation(m.location);
      });
    }
    panel.title = cluster ? `AKS identities: ${cluster.name}` : 'AKS identities';
    panel.webview.html = identityPageHtml(cluster, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
    panel.reveal();
  });
}
