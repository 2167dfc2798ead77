// AKS Lint specific UI steps shared by the scenario files.
import type { Locator } from 'playwright-core';
import { waitUntil } from './wait';
import type { Workbench } from './workbench';

export const SEEDED_CLUSTER = 'aks-e2e';

/**
 * Runs an AKS command and, if the cluster picker appears (the workspace declares several clusters), picks the
 * seeded cluster; resolves once `done` is visible.
 */
export async function runClusterCommand(wb: Workbench, title: string, done: Locator): Promise<void> {
  await wb.runCommand(title);
  const picker = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: SEEDED_CLUSTER }).first();
  await waitUntil(`"${title}" to show its result`, async () => {
    if (await picker.isVisible()) {
      await picker.click(); // first: the picker's descriptions may contain what `done` looks for
      return false;
    }
    return done.first().isVisible();
  }, { timeoutMs: 30_000 });
}
