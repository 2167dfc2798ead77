import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IdentitiesChangedNotificationMethod, type SourceLocation } from '../../server/src/lsp/protocol';
import { registerCompareAz } from './commands/compare-az';
import { registerExplainIdentities } from './commands/explain-identities';
import { fetchClusters } from './commands/identities-source';
import { revealLocation } from './commands/reveal-location';
import { registerShowRuleDocs } from './commands/show-rule-docs';
import { createLanguageClient } from './language-client';
import { createStatusBar } from './status-bar';
import { IdentityTreeProvider, REVEAL_COMMAND } from './views/identity-tree';

// activate/deactivate only: start the client, register commands and views; everything goes to subscriptions.

let client: LanguageClient | undefined;

/** What activate() returns: the tree's data provider, for API-level tests in the extension host. */
export interface AksLintApi {
  readonly identityTree: IdentityTreeProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<AksLintApi> {
  const output = vscode.window.createOutputChannel('AKS Lint');
  const lc = createLanguageClient(context, output);
  client = lc;
  const tree = new IdentityTreeProvider();
  const refresh = async (): Promise<void> => {
    try {
      tree.setClusters(await fetchClusters(lc));
    } catch (e) {
      output.appendLine(`identities request failed: ${String(e)}`);
    }
  };
  context.subscriptions.push(
    output,
    tree,
    createStatusBar(lc),
    vscode.window.registerTreeDataProvider('aksLint.identities', tree),
    vscode.commands.registerCommand(REVEAL_COMMAND, (loc: SourceLocation) => revealLocation(loc)),
    vscode.commands.registerCommand('aksLint.identities.refresh', refresh),
    vscode.commands.registerCommand('aksLint.server.restart', async () => {
      await lc.restart();
      await refresh();
    }),
    registerExplainIdentities(lc),
    registerCompareAz(lc, tree),
    registerShowRuleDocs(),
    lc.onNotification(IdentitiesChangedNotificationMethod, () => void refresh()),
  );
  await lc.start();
  await refresh();
  return { identityTree: tree };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
