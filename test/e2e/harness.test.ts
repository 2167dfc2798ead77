// Proves the harness itself against a tiny probe extension (fixtures/harness-probe), independently of AKS Lint:
// each UI surface the product scenarios drive, the payload test mechanism in both outcomes, and a clean teardown.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exposeTestHooks, payloadQuery, type TestRun } from './harness/payload';
import { repoRoot } from './harness/paths';
import { withSession } from './harness/session';
import { waitUntil, withTimeout } from './harness/wait';
import { computedStyle } from './harness/workbench';

const probe = join(repoRoot, 'test/e2e/fixtures/harness-probe');
const probeOptions = { installVsix: false, query: (server: Parameters<typeof payloadQuery>[0]) => payloadQuery(server, probe) };

test('harness drives squiggles, Problems, hover, quick fix, webview and tree (probe extension)', { timeout: 120_000 }, async (t) => {
  let groupPid = 0;
  await withSession(t, probeOptions, async (s) => {
    groupPid = s.server.pid;
    const { wb } = s;
    await s.step('tree view lists the probe items', async () => {
      const pane = await wb.focusView('Probe Tree');
      await waitUntil('two tree rows', async () => (await pane.locator('.monaco-list-row').allInnerTexts()).join('|') === 'Alpha item|Beta item');
    });
    await s.step('selecting a tree item reveals the source', async () => {
      const pane = await wb.focusView('Probe Tree');
      await pane.locator('.monaco-list-row', { hasText: 'Beta item' }).click();
      await wb.activeTab('e2e-identity.tf').waitFor();
      await waitUntil('cursor on line 3', async () => (await wb.cursor()).line === 3);
    });
    const line = readFileSync(s.seeded('e2e-identity.tf'), 'utf8').split('\n').findIndex((l) => l.includes('ArcPull')) + 1;
    await s.step('squiggle and Problems row', async () => {
      await wb.openFile('e2e-identity.tf');
      await wb.gotoLine(line, 1);
      await wb.squiggles('warning').first().waitFor();
      await wb.openProblems();
      const rows = await waitUntil('one probe problem', async () => { const r = await wb.problems(); return r.length === 1 && r; });
      assert.equal(rows[0].code, 'PROBE-001');
      assert.match(rows[0].message, /Unknown role "ArcPull"/);
    });
    await s.step('hover shows text and link', async () => {
      await wb.gotoLine(line, 29);
      const hover = await wb.hoverAtCursor();
      assert.match(hover.text, /PROBE-001/);
      assert.ok(hover.links.some((l) => l.includes('example.invalid/rules/PROBE-001')), `links: ${hover.links}`);
      await s.browser.page.keyboard.press('Escape');
    });
    await s.step('quick fix edits the file and clears the problem', async () => {
      await wb.gotoLine(line, 29);
      await wb.applyQuickFix(/Replace with "AcrPull"/);
      await wb.save();
      await waitUntil('fixed file on disk', () => !readFileSync(s.seeded('e2e-identity.tf'), 'utf8').includes('ArcPull'));
      await waitUntil('Problems empty', async () => (await wb.problems()).length === 0);
    });
    await s.step('command palette opens the webview with an SVG', async () => {
      await wb.runCommand('Probe: Explain');
      await s.browser.page.locator('.tab', { hasText: 'Probe Explain' }).waitFor();
      const fill = await computedStyle(wb.webview().locator('svg#graph rect.missing'), 'fill');
      assert.equal(fill, 'rgb(229, 20, 0)');
    });
  });
  assert.throws(() => process.kill(-groupPid, 0), 'code-server process group is gone after the session');
});

async function runProbeTests(t: TestContext, forceFail: boolean): Promise<{ code: number; result: Record<string, number> }> {
  let run: TestRun | undefined;
  let resultFile = '';
  const out = { code: -1, result: {} as Record<string, number> };
  await withSession(t, {
    installVsix: false,
    extraEnv: (dir) => ({ PROBE_RESULT: (resultFile = join(dir.root, 'probe-result.json')), ...(forceFail ? { PROBE_FORCE_FAIL: '1' } : {}) }),
    beforeLoad: async (b) => { run = await exposeTestHooks(b); },
    query: (server) => payloadQuery(server, probe, join(probe, 'probe-tests.js')),
  }, async (s) => {
    out.code = await s.step('tests module reports through codeAutomationExit', () =>
      withTimeout('codeAutomationExit', run!.exitCode, 90_000));
    await s.step('tests module wrote its result', async () => {
      out.result = JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, number>;
    });
  });
  return out;
}

test('payload tests run in the remote extension host and report success', { timeout: 120_000 }, async (t) => {
  const { code, result } = await runProbeTests(t, false);
  assert.equal(code, 0);
  assert.deepEqual([result.passes, result.failures], [1, 0]);
});

test('payload tests report a failure as exit code 1', { timeout: 120_000 }, async (t) => {
  const { code, result } = await runProbeTests(t, true);
  assert.equal(code, 1);
  assert.deepEqual([result.passes, result.failures], [0, 1]);
});
