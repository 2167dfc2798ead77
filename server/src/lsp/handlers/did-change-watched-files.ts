import { FileChangeType } from 'vscode-languageserver/node';
import type { Session } from '../session';
import { isConfigFile, isWatchedFile, readWorkspaceFile } from '../workspace-files';
import { reloadSettings } from '../workspace-sync';

/** Files changed on disk (also the ones never opened): update the snapshot, then one workspace pass. */
export function registerDidChangeWatchedFiles(session: Session): void {
  session.connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let configTouched = false;
    for (const change of changes) {
      const file = session.keys.keyOf(change.uri);
      if (!isWatchedFile(file)) continue;
      configTouched ||= isConfigFile(file) || session.settings.varFiles.some((v) => file.endsWith(v));
      if (change.type === FileChangeType.Deleted) {
        session.deleteDiskFile(file);
        continue;
      }
      const read = await readWorkspaceFile(file);
      if (read) session.setText(file, read.text, 'disk', read.tooLarge);
      else session.deleteDiskFile(file);
    }
    if (configTouched) await reloadSettings(session, session.settings);
    else session.scheduler.workspaceChanged();
  });
}
