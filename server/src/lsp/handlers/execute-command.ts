import type { Session } from '../session';
import { SHOW_DOCS_COMMAND } from './initialize';

/** The command behind "Show documentation" code actions: open the rule page through window/showDocument. */
export function registerExecuteCommand(session: Session): void {
  session.connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    const url = args[0];
    if (command !== SHOW_DOCS_COMMAND || typeof url !== 'string' || !url.startsWith('https://')) return null;
    if (session.flags.showDocument) await session.connection.window.showDocument({ uri: url, external: true });
    else session.connection.window.showInformationMessage(`Rule documentation: ${url}`);
    return null;
  });
}
