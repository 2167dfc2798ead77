// Where the e2e harness finds the repo, its build outputs, the cached code-server and where it writes results.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');
export const resultsRoot = join(repoRoot, 'test-results', 'e2e');
export const examplesDir = join(repoRoot, 'examples');
export const seededDir = join(repoRoot, 'test', 'e2e', 'fixtures', 'seeded');
/** Folder name of the seeded fixture inside the temporary workspace (unique file names keep Quick Open unambiguous). */
export const seededFolder = 'aks-lint-e2e';
export const apiSuiteBundle = join(repoRoot, '.tsbuild', 'e2e', 'vscode-suite.js');
export const codeServerVersion = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const chromiumPath = process.env.AKS_LINT_E2E_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionManifest {
  name: string;
  publisher: string;
  version: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    views?: Record<string, { id: string; name: string }[]>;
  };
}

export function readManifest(): ExtensionManifest {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as ExtensionManifest;
}

export function vsixPath(): string {
  const m = readManifest();
  return process.env.AKS_LINT_E2E_VSIX ?? join(repoRoot, `${m.name}-${m.version}.vsix`);
}

/** The code-server entry installed by scripts/e2e-setup.sh; a clear error when it has not run. */
export function codeServerEntry(): string {
  const cache = process.env.AKS_LINT_E2E_CACHE ?? join(homedir(), '.cache', 'aks-lint-e2e');
  const dir = join(cache, `code-server-${codeServerVersion}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(join(dir, '.complete')) || !existsSync(entry)) {
    throw new Error(`code-server ${codeServerVersion} is not installed in ${dir}: run npm run test:e2e (or bash scripts/e2e-setup.sh)`);
  }
  return entry;
}
