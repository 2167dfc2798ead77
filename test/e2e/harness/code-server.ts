// Starts and stops code-server for one run. It runs in its own process group (detached) so that stop() ends the
// wrapper, the server, its extension hosts and the language server they spawn, by process-group id.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunDir } from './run-dir';
import { waitUntil } from './wait';

export interface CodeServer {
  port: number;
  pid: number;
  baseUrl: string;
  logFile: string;
  /** vscode-remote:// URI for an absolute path on this machine (what the workbench's payload expects). */
  remoteUri(path: string): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function commonArgs(dir: RunDir): string[] {
  return ['--config', dir.config, '--user-data-dir', dir.userData, '--extensions-dir', dir.extensions];
}

export async function installVsix(entry: string, dir: RunDir, vsix: string): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [entry, ...commonArgs(dir), '--install-extension', vsix], {
    env: { ...process.env, ...dir.env },
    timeout: 60_000,
  });
  return `${stdout}${stderr}`;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartOptions {
  trusted: boolean;
  extraEnv?: Record<string, string>;
}

export async function startCodeServer(entry: string, dir: RunDir, { trusted, extraEnv = {} }: StartOptions): Promise<CodeServer> {
  const port = await freePort();
  const logFile = join(dir.root, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [entry, ...commonArgs(dir), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-getting-started-override', ...(trusted ? ['--disable-workspace-trust'] : []), dir.workspace];
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: stop() kills every descendant by group id
    env: { ...process.env, ...dir.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `code-server exited early (code ${code}, signal ${signal}); see ${logFile}`));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!groupAlive(pid)) return;
    process.kill(-pid, 'SIGTERM');
    const gone = await waitUntil('code-server process group to exit', () => !groupAlive(pid), { timeoutMs: 5_000 }).catch(() => false);
    if (!gone && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    await waitUntil('code-server process group to die after SIGKILL', () => !groupAlive(pid), { timeoutMs: 5_000 });
  };
  try {
    await waitUntil('code-server /healthz', async () => {
      if (exited) throw new Error(exited);
      const res = await fetch(`${baseUrl}/healthz`);
      return res.ok;
    }, { timeoutMs: 30_000 });
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, pid, baseUrl, logFile, stop, remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}` };
}
