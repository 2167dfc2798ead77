import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { runCli } from '../../server/src/cli/run-cli';
import type { Rule } from '../../server/src/rules/kit/define-rule';

// Runs the CLI in-process with captured streams, and manages temp workspaces and golden files.

export const repoRoot = resolve(__dirname, '../..');
export const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], opts: { cwd?: string; rules?: readonly Rule[]; tty?: boolean; env?: Record<string, string> } = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    cwd: opts.cwd ?? repoRoot,
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: opts.env ?? {},
    version,
    rules: opts.rules,
  });
  return { code, stdout, stderr };
}

const tempDirs: string[] = [];
// Removed when the test process exits, so runs leave nothing behind in the system temp folder.
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding `files` (path -> text), removed when the process exits. */
export function tempWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aks-lint-cli-'));
  tempDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Compares with test/cli/golden/<name>; UPDATE_SNAPSHOTS=1 rewrites it. */
export function assertGolden(name: string, actual: string): void {
  const path = join(__dirname, 'golden', name);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(path)) {
    if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`golden ${name} missing; run with UPDATE_SNAPSHOTS=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from golden ${name} (UPDATE_SNAPSHOTS=1 rewrites it)`);
}
