// The API integration suite (vscode-suite/) inside code-server's remote Node extension host, loaded through the
// workbench payload with the repo as the development extension, as @vscode/test-electron would run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleApiSuite } from './harness/api-suite-bundle';
import { exposeTestHooks, payloadQuery, type TestRun } from './harness/payload';
import { repoRoot } from './harness/paths';
import { withSession } from './harness/session';
import { withTimeout } from './harness/wait';

interface SuiteResult {
  passes: number;
  failures: number;
  tests: { name: string; ok: boolean; error?: string }[];
}

test('API suite in the extension host: diagnostics, code actions, hover, commands, tree data', { timeout: 600_000 }, async (t) => {
  const bundle = await bundleApiSuite();
  let run: TestRun | undefined;
  let resultFile = '';
  await withSession(t, {
    installVsix: false,
    extraEnv: (dir) => ({ AKS_LINT_API_RESULT: (resultFile = join(dir.root, 'api-result.json')) }),
    beforeLoad: async (b) => { run = await exposeTestHooks(b); },
    query: (server) => payloadQuery(server, repoRoot, bundle),
  }, async (s) => {
    const code = await s.step('the suite finishes (window.codeAutomationExit)', () => withTimeout('codeAutomationExit', run!.exitCode, 540_000));
    const result = await s.step('read the suite result', async () => JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult);
    for (const r of result.tests) t.diagnostic(`${r.ok ? 'pass' : 'FAIL'}: ${r.name}${r.error ? ` -- ${r.error}` : ''}`);
    await s.step('every API test passed', async () => {
      assert.ok(result.tests.length >= 6, `ran ${result.tests.length} tests`);
      assert.deepEqual(result.tests.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`), []);
      assert.equal(code, 0);
    });
  });
});
