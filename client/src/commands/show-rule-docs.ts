import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, ruleDocUrl } from '../../../server/src/lsp/protocol';

export const SHOW_DOCS_COMMAND = 'aksLint.rules.showDocs';

/** "AKS: Show rule documentation": for a given URL or code, else the AKS Lint problems at the cursor or in the file. */
export function registerShowRuleDocs(): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_DOCS_COMMAND, async (arg?: string) => {
    const url = arg ? (arg.startsWith('https://') ? arg : ruleDocUrl(arg)) : await pickFromDiagnostics();
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
  });
}

async function pickFromDiagnostics(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const all = editor ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE) : [];
  const atCursor = editor ? all.filter((d) => d.range.contains(editor.selection.active)) : [];
  const candidates = atCursor.length > 0 ? atCursor : all;
  const byUrl = new Map<string, string>();
  for (const d of candidates) {
    const code = typeof d.code === 'object' ? d.code : undefined;
    if (code?.target) byUrl.set(code.target.toString(true), `${String(code.value)}: ${d.message}`);
  }
  if (byUrl.size === 0) {
    void vscode.window.showInformationMessage('AKS Lint: no AKS Lint problem here to document. Rule pages are linked from each problem.');
    return undefined;
  }
  if (byUrl.size === 1) return [...byUrl.keys()][0];
  const picked = await vscode.window.showQuickPick([...byUrl].map(([url, label]) => ({ label, url })), { placeHolder: 'Documentation for which rule?' });
  return picked?.url;
}
