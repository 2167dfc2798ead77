// Issue 7 scenario 7: in Restricted Mode the extension still lints (it only reads files) but offers no `az` run.
// The trusted counterpart (the same command offering "Run az aks show now…") is scenario 7a in editor.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runClusterCommand } from './harness/aks-ui';
import { withSession } from './harness/session';
import { waitUntil } from './harness/wait';

test('untrusted workspace: diagnostics still shown, az actions hidden', { timeout: 300_000 }, async (t) => {
  await withSession(t, { trusted: false }, async (s) => {
    const { wb } = s;
    const page = s.browser.page;
    await s.step('the window is in Restricted Mode', () => page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor());
    await s.step('diagnostics appear for the seeded .tf', async () => {
      await wb.openFile('e2e-identity.tf');
      await wb.openProblems();
      await waitUntil('an AKS-RA-002 problem', async () => (await wb.problems('AKS-RA-002')).some((r) => r.code.includes('AKS-RA-002')), { timeoutMs: 60_000 });
    });
    await s.step('comparing with az offers only a JSON file, never running az', async () => {
      const input = page.locator('.quick-input-widget');
      const azRow = input.locator('.monaco-list-row', { hasText: 'Run az aks show now' });
      // Either terminal state ends the wait: the file dialog (it has an OK button) or an az choice (a failure).
      const fileDialog = input.getByRole('button', { name: 'OK' });
      await runClusterCommand(wb, 'AKS: Compare with az aks show output…', azRow.or(fileDialog));
      assert.equal(await azRow.count(), 0, 'no "Run az aks show now…" choice in Restricted Mode');
      await page.keyboard.press('Escape');
    });
  });
});
