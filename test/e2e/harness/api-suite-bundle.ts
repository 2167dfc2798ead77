// Bundles test/e2e/vscode-suite/ into one CommonJS file the extension host can load as extensionTestsPath
// (the same file serves code-server's payload and @vscode/test-electron).
import { build } from 'esbuild';
import { join } from 'node:path';
import { apiSuiteBundle, repoRoot } from './paths';

export async function bundleApiSuite(): Promise<string> {
  await build({
    entryPoints: [join(repoRoot, 'test/e2e/vscode-suite/index.ts')],
    outfile: apiSuiteBundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return apiSuiteBundle;
}
