import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IdentitiesRequestMethod, IDENTITIES_VERSION, type ClusterInfo, type IdentitiesParams, type IdentitiesResult } from '../../../server/src/lsp/protocol';

/** Asks the server for the identity model; refuses a response of another protocol version. */
export async function fetchClusters(client: LanguageClient, params: IdentitiesParams = {}): Promise<readonly ClusterInfo[]> {
  const result = await client.sendRequest<IdentitiesResult>(IdentitiesRequestMethod, params);
  if (result?.v !== IDENTITIES_VERSION) {
    void vscode.window.showWarningMessage(`AKS Lint: the server answered identities version ${String(result?.v)}, expected ${IDENTITIES_VERSION}.`);
    return [];
  }
  return result.clusters;
}

/** The cluster declared around the cursor, else the only one, else the user's pick. */
export async function pickCluster(clusters: readonly ClusterInfo[]): Promise<ClusterInfo | undefined> {
  if (clusters.length <= 1) return clusters[0];
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const uri = editor.document.uri.toString();
    const line = editor.selection.active.line;
    const here = clusters.filter((c) => c.location?.uri === uri);
    // the last cluster that starts at or above the cursor encloses it (clusters do not nest)
    const above = here.filter((c) => (c.location?.range.start.line ?? Infinity) <= line).pop();
    if (above) return above;
  }
  const picked = await vscode.window.showQuickPick(
    clusters.map((c) => ({ label: c.name, description: c.location ? vscode.workspace.asRelativePath(vscode.Uri.parse(c.location.uri)) : '', cluster: c })),
    { placeHolder: 'Which AKS cluster?' },
  );
  return picked?.cluster;
}
