import { TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../protocol';
import type { Session } from '../session';
import { normalizeSettings } from '../settings';

/** Command the server runs to open a rule's documentation through window/showDocument. */
export const SHOW_DOCS_COMMAND = 'aksLint.server.showDocs';

export function registerInitialize(session: Session): void {
  session.connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    session.flags.configuration = caps.workspace?.configuration === true;
    session.flags.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    session.flags.showDocument = caps.window?.showDocument?.support === true;
    session.flags.workspaceFolders = caps.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.folders = folders.filter((u) => u.startsWith('file:')).map((u) => session.keys.keyOf(u));
    session.analyzer.setFolders(session.folders);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) session.settings = normalizeSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOCS_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'aks-lint', version: '0.1.0' },
    };
  });
}
