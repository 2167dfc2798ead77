import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { WATCHED_GLOBS } from '../workspace-files';
import type { Session } from '../session';
import { registerDidChangeWorkspaceFolders } from './did-change-workspace-folders';
import { indexFolders, reloadSettings } from '../workspace-sync';

export function registerInitialized(session: Session): void {
  session.connection.onInitialized(async () => {
    try {
      if (session.flags.watchRegistration) {
        await session.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
        });
      }
      if (session.flags.configuration) await session.connection.client.register(DidChangeConfigurationNotification.type, { section: 'aksLint' });
      if (session.flags.workspaceFolders) registerDidChangeWorkspaceFolders(session);
      await indexFolders(session, session.folders);
      await reloadSettings(session, session.settings);
    } catch (e) {
      session.log(`start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  });
}
