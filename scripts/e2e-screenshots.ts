// `npm run screenshots`: the README's editor screenshots, taken in a real editor (the packaged VSIX in code-server)
// with the e2e harness: the "AKS: Explain AKS identities" webview and the "AKS Identities" tree on the seeded
// workspace (its cluster aks-e2e has a missing role to show). Writes docs/images/identity-{webview,tree}.png.
// Usage: node --import tsx scripts/e2e-screenshots.ts [--no-package]
//   --no-package: reuse the VSIX already built (as scripts/e2e-run.mjs).
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runClusterCommand } from '../test/e2e/harness/aks-ui';
import { repoRoot, vsixPath } from '../test/e2e/harness/paths';
import { withSession } from '../test/e2e/harness/session';
import { waitUntil } from '../test/e2e/harness/wait';

const outDir = join(repoRoot, 'docs', 'images');
// Small enough for a README to show at full size and readable; keeps each PNG well under 300 KB.
const viewport = { width: 1400, height: 900 };
const sideBarWidth = 620;

function run(label: string, cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
}

test('README screenshots of the identity webview and tree', { timeout: 300_000 }, async (t) => {
  if (!process.argv.includes('--no-package')) run('build + package the VSIX', 'npm', ['run', '--silent', 'package']);
  run('install code-server and Chromium when missing', 'bash', [join(repoRoot, 'scripts/e2e-setup.sh')]);
  t.diagnostic(`VSIX ${vsixPath()} built ${statSync(vsixPath()).mtime.toISOString()}`);
  mkdirSync(outDir, { recursive: true });

  await withSession(t, {}, async (s) => {
    const { wb } = s;
    const page = s.browser.page;
    await s.step('size the viewport', () => page.setViewportSize(viewport));

    await s.step('wait for the seeded file to be analysed', async () => {
      await wb.openFile('e2e-identity.tf');
      await wb.squiggles().first().waitFor({ timeout: 60_000 });
      await wb.closeTab('e2e-identity.tf');
    });
    await s.step('show the identity graph', async () => {
      // No editor open and no side bar: the webview gets the whole editor area, so the graph is not clipped.
      await wb.runCommand('View: Close Primary Side Bar');
      await runClusterCommand(wb, 'AKS: Explain AKS identities', page.locator('.tab', { hasText: 'AKS identities' }));
      const svg = wb.webview().locator('svg');
      await svg.locator('.node.cluster').first().waitFor();
      await svg.locator('.node.missing').first().waitFor();
    });
    await s.step('write identity-webview.png', () => page.screenshot({ path: join(outDir, 'identity-webview.png') }));
    await s.step('close the webview', () => wb.closeTab('AKS identities'));

    await s.step('show the identity tree next to its source', async () => {
      await wb.openFile('e2e-identity.tf');
      const pane = await wb.focusView('AKS Identities');
      await waitUntil('tree rows for the cluster, its identities and roles', async () => {
        const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).join('\n');
        return [/aks-e2e/, /kubelet/i, /Managed Identity Operator/].every((re) => re.test(rows));
      }, { timeoutMs: 30_000 });
      // Widen the side bar by dragging its edge, as a user would, so the rows' labels are not cut off.
      const bar = page.locator('.part.sidebar');
      const box = await bar.boundingBox();
      if (!box) throw new Error('the side bar has no bounding box');
      await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(sideBarWidth, box.y + box.height / 2, { steps: 10 });
      await page.mouse.up();
      await waitUntil(`side bar at least ${sideBarWidth - 80} px wide`, async () => ((await bar.boundingBox())?.width ?? 0) >= sideBarWidth - 80);
    });
    await s.step('write identity-tree.png', () => page.screenshot({ path: join(outDir, 'identity-tree.png') }));
  });
  for (const f of ['identity-webview.png', 'identity-tree.png']) t.diagnostic(`${f}: ${statSync(join(outDir, f)).size} bytes`);
});
