// `npm run test:vscode`: the same API suite under @vscode/test-electron, for machines that can download VS Code.
// Runs against a temporary copy of the seeded workspace; exits non-zero when the suite fails.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleApiSuite } from '../harness/api-suite-bundle';
import { repoRoot, seededDir, seededFolder } from '../harness/paths';

async function main(): Promise<void> {
  const tests = await bundleApiSuite();
  const ws = mkdtempSync(join(tmpdir(), 'aks-lint-vscode-'));
  cpSync(seededDir, join(ws, seededFolder), { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: tests,
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
