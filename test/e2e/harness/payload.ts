// The workbench's `payload` query parameter loads a development extension from disk and runs a tests module in the
// remote (Node) extension host, as @vscode/test-electron does; the workbench reports the result through
// window.codeAutomationExit (recipe §6). This exposes both hooks and hands back the exit code.
import type { Browser } from './browser';
import type { CodeServer } from './code-server';

export interface TestRun {
  /** Resolves with the exit code the tests module produced (0 = passed). */
  exitCode: Promise<number>;
  log: string[];
}

export function payloadQuery(server: CodeServer, extensionPath: string, testsPath?: string): Record<string, string> {
  const payload: [string, string][] = [['extensionDevelopmentPath', server.remoteUri(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', server.remoteUri(testsPath)]);
  return { payload: JSON.stringify(payload) };
}

export async function exposeTestHooks(browser: Browser): Promise<TestRun> {
  const log: string[] = [];
  let resolveExit!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  await browser.page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    log.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  });
  await browser.page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  return { exitCode, log };
}
