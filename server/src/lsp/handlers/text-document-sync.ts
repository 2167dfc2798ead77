import type { Session } from '../session';

/** didOpen / didChange / didClose: open documents override disk; an edit re-analyses that document first. */
export function registerTextDocumentSync(session: Session): void {
  const { documents } = session;
  documents.onDidChangeContent(({ document }) => {
    const file = session.keys.keyOf(document.uri);
    session.setText(file, document.getText(), 'open');
    session.scheduler.documentChanged(file);
  });
  documents.onDidClose(({ document }) => {
    const file = session.keys.keyOf(document.uri);
    session.closeDocument(file);
    // a closed file that exists on disk keeps counting; one that does not (untitled) loses its diagnostics
    if (!session.store.has(file)) session.publisher.publish(file, []);
    session.scheduler.workspaceChanged();
  });
  documents.listen(session.connection);
}
