import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

// A real JSON-RPC client for protocol tests: starts the server as a child process over stdio and records what it
// sends. Waiting is always on an event (with a generous timeout that fails loudly), never on a sleep.

export const repoRoot = resolve(__dirname, '../..');
export const TIMEOUT_MS = 20_000;

export interface Waiter<T> {
  readonly test: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

export interface StartOptions {
  /** entry module (default: the real server); tests may start a variant that adds rules */
  readonly entry?: string;
  /** full node arguments instead of `--import tsx <entry> --stdio` (e.g. another language server) */
  readonly nodeArgs?: readonly string[];
  readonly folders?: readonly string[];
  readonly settings?: Record<string, unknown>;
  /** documents the client opens after `initialize` and before `initialized`, i.e. before the server indexes the disk */
  readonly openBeforeIndexing?: readonly { readonly uri: string; readonly languageId: string; readonly text: string }[];
}

export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly logs: string[] = [];
  readonly shownDocuments: string[] = [];
  settings: Record<string, unknown>;
  initResult: InitializeResult | undefined;
  private waiters: Waiter<PublishDiagnosticsParams>[] = [];
  private noteWaiters: Waiter<{ method: string; params: unknown }>[] = [];
  private exited = false;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    child.on('exit', () => (this.exited = true));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.publishes.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    for (const method of ['window/logMessage', 'window/showMessage', '$/progress', 'aksLint/identitiesChanged']) {
      connection.onNotification(method, (params: unknown) => {
        const n = { method, params };
        this.notifications.push(n);
        if (method === 'window/logMessage') this.logs.push((params as { message: string }).message);
        if (method === '$/progress') this.progress.push(params);
        this.noteWaiters = this.noteWaiters.filter((w) => (w.test(n) ? (w.resolve(n), false) : true));
      });
    }
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    connection.onRequest('client/registerCapability', (p: unknown) => void this.registrations.push(p));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
    connection.onRequest('window/showDocument', (p: { uri: string }) => (this.shownDocuments.push(p.uri), { success: true }));
  }

  static async start(opts: StartOptions = {}): Promise<{ client: LspTestClient; init: InitializeResult }> {
    const entry = opts.entry ?? resolve(repoRoot, 'server/src/lsp/main.ts');
    const args = opts.nodeArgs ?? ['--import', 'tsx', entry, '--stdio'];
    const child = spawn(process.execPath, [...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    // drained so the pipe never blocks the server; kept (bounded) to explain a failed start
    child.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const client = new LspTestClient(connection, child, opts.settings ?? { enable: true, rules: {}, configFile: '', varFiles: [] });
    const folders = (opts.folders ?? []).map((f, i) => ({ uri: pathToFileURL(f).href, name: `f${i}` }));
    const exited = new Promise<never>((_, rej) => child.on('exit', (code) => rej(new Error(`server exited (${code}) during start: ${stderr}`))));
    exited.catch(() => undefined);
    const initialize = connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    const init = (await withTimeout(Promise.race([initialize, exited]), 'initialize')) as InitializeResult;
    client.initResult = init;
    for (const d of opts.openBeforeIndexing ?? []) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: d.languageId, version: 1, text: d.text } });
    }
    await connection.sendNotification('initialized', {});
    return { client, init };
  }

  /** Resolves with the first publish for `uri` (from now on) that satisfies `test`. */
  waitForDiagnostics(uri: string, test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, what = 'diagnostics'): Promise<Diagnostic[]> {
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((res) => this.waiters.push({ test: (p) => p.uri === uri && test(p.diagnostics, p), resolve: res })),
      `${what} for ${uri}; last published: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => d.code))}`,
    ).then((p) => p.diagnostics);
  }

  waitForNotification(method: string, timeoutMs = TIMEOUT_MS): Promise<unknown> {
    return withTimeout(
      new Promise<{ method: string; params: unknown }>((res) => this.noteWaiters.push({ test: (n) => n.method === method, resolve: res })),
      `notification ${method}`,
      timeoutMs,
    ).then((n) => n.params);
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  replaceAll(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<R>, `response to ${method}`);
  }

  get alive(): boolean {
    return !this.exited && this.child.exitCode === null;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // a server that does not answer is killed below
      }
    }
    this.connection.dispose();
    if (this.alive) this.child.kill();
    // Our ends of the server's pipes are closed too: a process the server started with its stderr inherited (esbuild,
    // which tsx runs, starts its service so) and that outlived it would otherwise keep them, and this test process, open.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
  }
}

export function withTimeout<T>(p: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}
