import { readWorkspaceFile, listWorkspaceFiles } from './workspace-files';
import type { Session } from './session';
import { normalizeSettings, resolveSettingPath } from './settings';

// Reading the workspace from disk: the initial index (with work-done progress), settings and the config file.

export async function indexFolders(session: Session, folders: readonly string[]): Promise<number> {
  const progress = await session.connection.window.createWorkDoneProgress();
  progress.begin('AKS Lint: indexing', 0, `${folders.length} folder(s)`, false);
  let count = 0;
  try {
    const files = (await Promise.all(folders.map((f) => listWorkspaceFiles(f)))).flat();
    for (const file of files) {
      const read = await readWorkspaceFile(file);
      // An open editor's text wins now; the disk copy still counts once the editor closes the file.
      if (read && session.store.isOpen(file)) session.store.setDisk(file, read.text);
      else if (read) session.setText(file, read.text, 'disk', read.tooLarge);
      count++;
      if (count % 100 === 0) progress.report(Math.round((count / files.length) * 100), `${count}/${files.length} files`);
    }
  } finally {
    progress.done();
  }
  session.log(`indexed ${count} file(s) in ${folders.length} folder(s)`);
  return count;
}

/** Pulls `aksLint` settings (when the client supports it), reads the config file and var files, reconfigures. */
export async function reloadSettings(session: Session, pushed?: unknown): Promise<void> {
  let raw = pushed;
  if (session.flags.configuration) {
    try {
      raw = await session.connection.workspace.getConfiguration('aksLint');
    } catch (e) {
      session.log(`could not read settings: ${String(e)}`);
    }
  }
  const previous = session.settings;
  session.settings = normalizeSettings(raw ?? previous);
  const varFiles: string[] = [];
  for (const v of session.settings.varFiles) {
    const path = resolveSettingPath(v, session.folders);
    const read = path ? await readWorkspaceFile(path) : undefined;
    if (!path || !read) continue;
    varFiles.push(path);
    if (session.store.isOpen(path)) session.store.setDisk(path, read.text);
    else session.setText(path, read.text, 'disk', read.tooLarge);
  }
  session.analyzer.configure({ ...session.settings, varFiles }, await configText(session));
  if (previous.enable !== session.settings.enable) session.scheduler.setEnabled(session.settings.enable);
  else session.scheduler.workspaceChanged(0);
}

/** The file set in `aksLint.configFile` (open editors win over disk); without it each root uses its own .aks-lint.yaml. */
async function configText(session: Session): Promise<{ file: string; text: string } | undefined> {
  const configured = resolveSettingPath(session.settings.configFile, session.folders);
  if (!configured) return undefined;
  const text = session.store.text(configured) ?? (await readWorkspaceFile(configured))?.text;
  if (text !== undefined) return { file: configured, text };
  session.log(`configuration file not found: ${configured}`);
  return undefined;
}
