import type { Session } from '../session';
import { reloadSettings } from '../workspace-sync';

/** Settings changed: re-read them (pull model when supported, else the pushed value) and re-analyse. */
export function registerDidChangeConfiguration(session: Session): void {
  session.connection.onDidChangeConfiguration(async (params) => {
    const pushed = (params.settings as { aksLint?: unknown } | null | undefined)?.aksLint;
    await reloadSettings(session, pushed ?? session.settings);
  });
}
