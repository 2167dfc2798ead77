import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../../server/src/lsp/protocol';

/** Server state and the number of AKS Lint findings; a click opens the Problems panel. */
export function createStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('aksLint.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'AKS Lint';
  item.command = 'workbench.actions.view.problems';
  let state = 'starting';
  const render = (): void => {
    let count = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) count += diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    const icon = state === 'running' ? (count > 0 ? '$(warning)' : '$(check)') : state === 'stopped' ? '$(error)' : '$(sync~spin)';
    item.text = `${icon} AKS ${count}`;
    item.tooltip = `AKS Lint: server ${state}, ${count} finding${count === 1 ? '' : 's'}. Click to open Problems.`;
    item.show();
  };
  render();
  return vscode.Disposable.from(
    item,
    vscode.languages.onDidChangeDiagnostics(render),
    client.onDidChangeState((e) => {
      state = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      render();
    }),
  );
}
