import type { Session } from '../session';
import { indexFolders, reloadSettings } from '../workspace-sync';

/** Multi-root: folders added are indexed; files of removed folders leave the snapshot. Call once initialized. */
export function registerDidChangeWorkspaceFolders(session: Session): void {
  session.connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
    const gone = removed.map((f) => session.keys.keyOf(f.uri));
    session.folders = session.folders.filter((f) => !gone.includes(f));
    for (const file of session.store.keys()) {
      if (gone.some((g) => file.startsWith(g)) && !session.store.isOpen(file)) session.deleteDiskFile(file);
    }
    const fresh = added.map((f) => session.keys.keyOf(f.uri));
    session.folders.push(...fresh);
    session.analyzer.setFolders(session.folders);
    await indexFolders(session, fresh);
    await reloadSettings(session, session.settings);
  });
}
