import * as vscode from 'vscode';
import type { SourceLocation } from '../../../server/src/lsp/protocol';

/** Opens the file of a location and selects its range (tree items and webview nodes use it). */
export async function revealLocation(location: SourceLocation): Promise<void> {
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, preserveFocus: false });
}
