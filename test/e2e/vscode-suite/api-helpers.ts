// Shared waits and lookups for the API tests; polling because diagnostics and tabs update asynchronously.
import * as vscode from 'vscode';
import { waitUntil } from '../harness/wait';

export const EXTENSION_ID = 'aks-lint.aks-lint';
export const SEEDED_FOLDER = 'aks-lint-e2e';

/** Polls until `probe` yields a value (diagnostics and tabs update asynchronously); the harness's own wait. */
export function poll<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  return waitUntil(what, probe, { timeoutMs: ms });
}

export function seededUri(file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, SEEDED_FOLDER, file);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export function diagnosticsWith(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

/** Opens the document in an editor, which is what makes a language server analyse it for sure. */
export async function open(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(seededUri(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  let from = 0;
  for (let i = 0; i <= nth; i++) {
    from = doc.getText().indexOf(needle, i === 0 ? 0 : from + 1);
    if (from < 0) throw new Error(`"${needle}" not in ${doc.uri.path}`);
  }
  return doc.positionAt(from);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}
