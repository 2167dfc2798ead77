import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/protocol';

// How VS Code starts and talks to the server: dist/server.js over IPC, for Terraform and Kubernetes YAML files.

export const CLIENT_ID = 'aksLint';

/** By language id (works with HashiCorp's and Red Hat's extensions) and by file pattern (works without them). */
export const DOCUMENT_SELECTOR = [
  { language: 'terraform' },
  { language: 'yaml' },
  { scheme: 'file', pattern: '**/*.tf' },
  { scheme: 'file', pattern: '**/*.tfvars' },
  { scheme: 'file', pattern: '**/*.yaml' },
  { scheme: 'file', pattern: '**/*.yml' },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: output,
    // file watching is registered by the server itself (workspace/didChangeWatchedFiles), so other editors get it too
  };
  return new LanguageClient(CLIENT_ID, 'AKS Lint', serverOptions, clientOptions);
}
