import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from './run-cli';

// Entry point of dist/cli.js (and `node --import tsx server/src/cli/main.ts`).

/** The version from the package.json next to the bundle (dist/..) or the sources (server/src/cli/../../..). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (!existsSync(p)) continue;
    const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'aks-lint' && pkg.version) return pkg.version;
  }
  return '0.0.0';
}

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: packageVersion(),
});
