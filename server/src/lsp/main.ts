import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { EngineAnalyzer } from './engine-analyzer';
import { startServer } from './server';

// Entry point. The transport comes from argv: VS Code starts it with --node-ipc, other editors with --stdio.
// A bug in a handler must not kill the editor's linter: log it and keep serving.

const connection = createConnection(ProposedFeatures.all);
startServer(connection, new EngineAnalyzer(undefined, (m) => connection.console.error(`[aks-lint] ${m}`)));

process.on('uncaughtException', (e) => connection.console.error(`[aks-lint] uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`[aks-lint] unhandled rejection: ${String(e)}`));
