import type { Connection } from 'vscode-languageserver/node';
import type { SchedulerOptions } from './analysis-scheduler';
import type { Analyzer } from './analyzer';
import { registerCodeAction } from './handlers/code-action';
import { registerCompareIdentities } from './handlers/compare-identities';
import { registerDidChangeConfiguration } from './handlers/did-change-configuration';
import { registerDidChangeWatchedFiles } from './handlers/did-change-watched-files';
import { registerExecuteCommand } from './handlers/execute-command';
import { registerHover } from './handlers/hover';
import { registerIdentities } from './handlers/identities';
import { registerInitialize } from './handlers/initialize';
import { registerInitialized } from './handlers/initialized';
import { registerTextDocumentSync } from './handlers/text-document-sync';
import { Session } from './session';

/** Wires every handler to a connection; returns the session (tests and the entry point keep it alive). */
export function startServer(connection: Connection, analyzer: Analyzer, options?: SchedulerOptions): Session {
  const session = new Session(connection, analyzer, options);
  registerInitialize(session);
  registerInitialized(session);
  registerTextDocumentSync(session);
  registerDidChangeWatchedFiles(session);
  registerDidChangeConfiguration(session);
  registerHover(session);
  registerCodeAction(session);
  registerExecuteCommand(session);
  registerIdentities(session);
  registerCompareIdentities(session);
  connection.onShutdown(() => session.scheduler.dispose());
  connection.listen();
  return session;
}
