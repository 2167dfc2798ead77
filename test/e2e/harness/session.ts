// One isolated editor session per test: fresh dirs, code-server, Chromium, the workbench on the temp workspace.
// Steps are named, so a failure says which step broke; on failure a screenshot, the code-server log, the
// extension-host and output-channel logs and the browser console land in test-results/e2e/<test>/.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { launchBrowser, type Browser } from './browser';
import { installVsix, startCodeServer, type CodeServer } from './code-server';
import { codeServerEntry, resultsRoot, seededFolder, vsixPath } from './paths';
import { createRunDir, type RunDir } from './run-dir';
import { Workbench } from './workbench';

export interface SessionOptions {
  /** Default true. false opens the folder in Restricted Mode. */
  trusted?: boolean;
  /** Default true: install the packaged VSIX. false for the API suite, which loads the dev extension via payload. */
  installVsix?: boolean;
  /** Extra workbench query parameters (the API suite's `payload`), built once the server's port is known. */
  query?: (server: CodeServer, dir: RunDir) => Record<string, string>;
  extraEnv?: (dir: RunDir) => Record<string, string>;
  /** Called before the page is loaded (e.g. to expose functions to the workbench). */
  beforeLoad?: (browser: Browser) => Promise<void>;
}

export interface Session {
  dir: RunDir;
  server: CodeServer;
  browser: Browser;
  wb: Workbench;
  /** Absolute path of a seeded fixture file inside the temp workspace. */
  seeded(file: string): string;
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * A user-visible scenario as a subtest of the session's test: it fails on its own (with its own artifacts),
   * and later scenarios still run in the same editor.
   */
  scenario(name: string, fn: () => Promise<void>, options?: { timeout?: number }): Promise<void>;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

async function saveArtifacts(name: string, failedStep: string, error: unknown, dir: RunDir, server?: CodeServer, browser?: Browser) {
  const out = join(resultsRoot, slug(name));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  writeFileSync(join(out, 'failure.txt'), `test: ${name}\nfailed step: ${failedStep}\n\n${message}\n`);
  if (browser) {
    await browser.page.screenshot({ path: join(out, 'screenshot.png') }).catch(() => undefined);
    writeFileSync(join(out, 'browser-console.log'), browser.consoleLines.join('\n'));
    writeFileSync(join(out, 'outside-requests.txt'), browser.outsideRequests.join('\n'));
  }
  if (server && existsSync(server.logFile)) cpSync(server.logFile, join(out, 'code-server.log'));
  // exthost*/remoteexthost.log and the output channels (the language server's log among them).
  const logs = join(dir.userData, 'logs');
  if (existsSync(logs)) cpSync(logs, join(out, 'vscode-logs'), { recursive: true });
  return out;
}

export async function withSession(t: TestContext, options: SessionOptions, body: (s: Session) => Promise<void>): Promise<void> {
  const { trusted = true, installVsix: install = true } = options;
  const dir = createRunDir({ trusted });
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let current = 'create run folder';
  // Last resort when the test runner abandons a timed-out test: never leave code-server running.
  const killOnExit = () => { if (server) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } };
  // A signal ends the process without 'exit' handlers unless it is handled, so handle it: kill, then exit.
  const killOnSignal = (signal: NodeJS.Signals) => { killOnExit(); dir.remove(); process.exit(signal === 'SIGINT' ? 130 : 143); };
  process.once('exit', killOnExit);
  process.once('SIGINT', killOnSignal);
  process.once('SIGTERM', killOnSignal);
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    current = name;
    const started = Date.now();
    try {
      const value = await fn();
      t.diagnostic(`${name}: ${Date.now() - started} ms`);
      return value;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`step "${name}" failed: ${reason}`, { cause: err });
    }
  };
  try {
    const entry = await step('find code-server', async () => codeServerEntry());
    if (install) await step('install the VSIX', () => installVsix(entry, dir, vsixPath()));
    server = await step('start code-server', () =>
      startCodeServer(entry, dir, { trusted, extraEnv: options.extraEnv?.(dir) }));
    const srv = server;
    browser = await step('launch chromium', () => launchBrowser(dir.browserProfile, dir.env));
    const b = browser;
    if (options.beforeLoad) await step('prepare the page', () => options.beforeLoad!(b));
    const query = new URLSearchParams({ folder: dir.workspace, ...(options.query?.(srv, dir) ?? {}) });
    const wb = new Workbench(b.page);
    await step('load the workbench', async () => {
      await b.page.goto(`${srv.baseUrl}/?${query.toString()}`);
      await wb.waitReady();
    });
    const scenario = (name: string, fn: () => Promise<void>, opts: { timeout?: number } = {}) =>
      t.test(name, { timeout: opts.timeout ?? 180_000 }, async (st) => {
        try {
          await fn();
        } catch (err) {
          const out = await saveArtifacts(`${slug(t.name).slice(0, 30)}--${slug(name)}`, current, err, dir, srv, b);
          st.diagnostic(`artifacts for the failed step "${current}": ${out}`);
          await b.page.keyboard.press('Escape').catch(() => undefined); // leave no widget open for the next scenario
          throw err;
        }
      });
    await body({ dir, server: srv, browser: b, wb, step, scenario, seeded: (f) => join(dir.workspace, seededFolder, f) });
    if (b.outsideRequests.length > 0) {
      await step('stay offline', async () => { throw new Error(`requests left loopback: ${b.outsideRequests.join(', ')}`); });
    }
  } catch (err) {
    const out = await saveArtifacts(t.name, current, err, dir, server, browser);
    t.diagnostic(`artifacts for the failed step "${current}": ${out}`);
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    process.removeListener('exit', killOnExit);
    process.removeListener('SIGINT', killOnSignal);
    process.removeListener('SIGTERM', killOnSignal);
    dir.remove();
  }
}
