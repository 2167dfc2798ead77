import type { Session } from '../session';
import { isWatchedFile, readWorkspaceFile } from '../workspace-files';

/** didOpen / didChange / didClose: open documents override disk; an edit re-analyses that document first. */
export function registerTextDocumentSync(session: Session): void {
  const { documents } = session;
  documents.onDidChangeContent(({ document }) => {
    const file = session.keys.keyOf(document.uri);
    session.setText(file, document.getText(), 'open');
    session.scheduler.documentChanged(file);
  });
  documents.onDidClose(async ({ document }) => {
    const file = session.keys.keyOf(document.uri);
    session.closeDocument(file);
    // A closed file that exists on disk keeps counting, also when the initial index has not read it yet;
    // one that does not (untitled, deleted) loses its diagnostics.
    if (!session.store.has(file)) {
      const read = isWatchedFile(file) ? await readWorkspaceFile(file) : undefined;
      if (read) session.setText(file, read.text, 'disk', read.tooLarge);
      else session.publisher.publish(file, []);
    }
    session.scheduler.workspaceChanged();
  });
  documents.listen(session.connection);
}
