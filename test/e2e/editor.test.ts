// Issue 7 scenarios 1-6 in one real editor (the packaged VSIX in code-server): what a user sees after opening the
// seeded workspace. Each scenario is a subtest with its own verdict and artifacts; they share one session because
// starting an editor costs far more than a scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blockLines, containsIgnoringSpaces, positionOf } from './harness/fixture-text';
import { runClusterCommand } from './harness/aks-ui';
import { withSession } from './harness/session';
import { terraformFmtDiff } from './harness/terraform-fmt';
import { waitUntil } from './harness/wait';
import { computedStyle, type Workbench } from './harness/workbench';

const TF = 'e2e-identity.tf';
const NOT_GENERIC = '^(?!Ignore |Show documentation|Fix all )'; // skip the generic actions every finding gets

/** Waits until the Problems rows filtered by `code` satisfy `ok`, returning them. */
function problemsWith(wb: Workbench, code: string, what: string, ok: (rows: { message: string; code: string }[]) => boolean) {
  return waitUntil(`Problems: ${what}`, async () => {
    const rows = (await wb.problems(code)).filter((r) => r.code.includes(code));
    return ok(rows) && rows;
  }, { timeoutMs: 30_000 });
}

test('AKS Lint in a real editor: diagnostics, hover, identities, quick fixes, cross-file', { timeout: 900_000 }, async (t) => {
  await withSession(t, {}, async (s) => {
    const { wb, page } = { wb: s.wb, page: s.browser.page };

    await s.scenario('1. seeded .tf shows squiggles and the expected codes in Problems', async () => {
      await s.step('open the .tf file', () => wb.openFile(TF));
      await s.step('squiggle under the misspelled role', async () => {
        const at = positionOf(TF, '"ArcPull"');
        await wb.gotoLine(at.line, at.column);
        await wb.squiggles().first().waitFor({ timeout: 60_000 });
      });
      await s.step('Problems lists the expected codes and messages', async () => {
        await wb.openProblems();
        const expected: [string, RegExp][] = [
          ['AKS-ID-002', /kubelet_identity needs client_id, object_id and user_assigned_identity_id/],
          ['AKS-RA-001', /ArcPull/],
          ['AKS-RA-002', /AcrPull is assigned to the control-plane identity.*kubelet identity/],
          ['AKS-RA-003', /Network Contributor/],
        ];
        for (const [code, message] of expected) {
          await problemsWith(wb, code, `${code} ${message}`, (rows) => rows.some((r) => message.test(r.message)));
        }
        await wb.problems('');
      });
    });

    await s.scenario('2. hover over a flagged identity explains it and links the rule', async () => {
      await s.step('hover on the identity the AcrPull assignment names', async () => {
        await wb.openFile(TF);
        const at = positionOf(TF, 'azurerm_user_assigned_identity.aks.principal_id', { nth: 1, offset: 5 });
        await wb.gotoLine(at.line, at.column);
        const hover = await wb.hoverAtCursor();
        await page.keyboard.press('Escape');
        assert.match(hover.text, /kubelet/i, 'the explanation names the kubelet identity');
        assert.match(hover.text, /AKS-RA-002/);
        assert.ok(hover.links.some((l) => l.includes('AKS-RA-002')), `a link to the rule page; links: ${hover.links.join(', ')}`);
      });
    });

    await s.scenario('4. "AKS: Explain AKS identities" shows the graph with a missing role in red', async () => {
      await s.step('run the command', async () => {
        await wb.openFile(TF);
        await runClusterCommand(wb, 'AKS: Explain AKS identities', page.locator('.tab', { hasText: 'AKS identities' }));
      });
      await s.step('the SVG holds the cluster, its identities and a red missing role', async () => {
        const svg = wb.webview().locator('svg');
        await svg.first().waitFor();
        assert.match(await svg.locator('.node.cluster').first().textContent() ?? '', /aks-e2e|aks/);
        const identities = await svg.locator('.node.identity').allTextContents();
        assert.ok(identities.length >= 2 && identities.some((l) => /kubelet/i.test(l)), `identities: ${identities.join(', ')}`);
        const missing = svg.locator('.node.missing rect').first();
        const colours = [await computedStyle(missing, 'stroke'), await computedStyle(missing, 'fill')];
        const red = colours.some((c) => { const m = /rgba?\((\d+), (\d+), (\d+)/.exec(c); return !!m && +m[1] >= 180 && +m[2] <= 120 && +m[3] <= 120; });
        assert.ok(red, `missing role drawn in red; stroke/fill: ${colours.join(' / ')}`);
      });
      await s.step('close the webview', () => wb.closeTab('AKS identities'));
    });

    await s.scenario('5. the AKS Identities tree lists the cluster, identities and roles, and reveals source', async () => {
      const pane = await s.step('focus the view', () => wb.focusView('AKS Identities'));
      await s.step('rows show cluster, identities and role assignments', async () => {
        await waitUntil('tree rows', async () => {
          const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).join('\n');
          return [/aks-e2e/, /kubelet/i, /Managed Identity Operator/].every((re) => re.test(rows));
        }, { timeoutMs: 30_000 });
      });
      await s.step('selecting a role assignment reveals its resource', async () => {
        // Rows are a flat list: take the role row that follows the seeded cluster (examples/ has a cluster too).
        const rows = pane.locator('.monaco-list-row');
        const texts = await rows.allInnerTexts();
        const cluster = texts.findIndex((r) => r.includes('aks-e2e'));
        const role = texts.findIndex((r, i) => i > cluster && r.includes('Managed Identity Operator'));
        assert.ok(cluster >= 0 && role > cluster, `rows: ${texts.join(' | ')}`);
        await rows.nth(role).click();
        await wb.activeTab(TF).waitFor();
        const { first, last } = blockLines(TF, 'resource "azurerm_role_assignment" "kubelet_operator"');
        await waitUntil(`cursor within lines ${first}-${last}`, async () => { const c = await wb.cursor(); return c.line >= first && c.line <= last; });
      });
    });

    await s.scenario('7a. a trusted workspace offers running az (control for 7)', async () => {
      await s.step('compare command offers "Run az aks show now…"', async () => {
        await runClusterCommand(wb, 'AKS: Compare with az aks show output…',
          page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Run az aks show now' }));
        await page.keyboard.press('Escape');
      });
    });

    await s.scenario('3a. quick fix completes kubelet_identity, fmt-clean, and the diagnostic disappears', async () => {
      await s.step('apply the fix on kubelet_identity', async () => {
        await wb.openFile(TF);
        const at = positionOf(TF, 'kubelet_identity {', { offset: 2 });
        await wb.gotoLine(at.line, at.column);
        await wb.applyQuickFix(new RegExp(`${NOT_GENERIC}.*(kubelet_identity|client_id|object_id)`, 'i'));
        await wb.save();
      });
      await s.step('the file on disk holds the fields and stays terraform-fmt clean', async () => {
        const text = readFileSync(s.seeded(TF), 'utf8');
        assert.ok(containsIgnoringSpaces(text, 'client_id = azurerm_user_assigned_identity.kubelet.client_id'), text);
        assert.ok(containsIgnoringSpaces(text, 'object_id = azurerm_user_assigned_identity.kubelet.principal_id'), text);
        assert.equal(terraformFmtDiff(text), undefined);
      });
      await s.step('AKS-ID-002 leaves Problems', () =>
        problemsWith(wb, 'AKS-ID-002', 'no AKS-ID-002', (rows) => !rows.some((r) => /kubelet_identity needs/.test(r.message))));
    });

    await s.scenario('3b. CoreDNS quick fix renames the data key and the diagnostic disappears', async () => {
      const file = 'e2e-coredns.yaml';
      await s.step('apply the fix on the key', async () => {
        await wb.openFile(file);
        const at = positionOf(file, 'log: |', { offset: 1 });
        await wb.gotoLine(at.line, at.column);
        await wb.applyQuickFix(new RegExp(`${NOT_GENERIC}.*\\.override`, 'i'));
        await wb.save();
      });
      await s.step('the key ends in .override on disk', () => waitUntil('log.override on disk', () => /^ {2}log\.override: \|$/m.test(readFileSync(s.seeded(file), 'utf8'))));
      await s.step('AKS-CDNS-002 leaves Problems', () => problemsWith(wb, 'AKS-CDNS-002', 'no AKS-CDNS-002', (rows) => rows.length === 0));
    });

    await s.scenario('3c. Key Vault quick fix turns the vault URL into its name and the diagnostic disappears', async () => {
      const file = 'e2e-keyvault-spc.yaml';
      await s.step('apply the fix on keyvaultName', async () => {
        await wb.openFile(file);
        const at = positionOf(file, 'https://kv-e2e', { offset: 2 });
        await wb.gotoLine(at.line, at.column);
        await wb.applyQuickFix(new RegExp(`${NOT_GENERIC}.*(kv-e2e|vault name)`, 'i'));
        await wb.save();
      });
      await s.step('keyvaultName is the name on disk', () => waitUntil('keyvaultName kv-e2e', () => /^ {4}keyvaultName: "?kv-e2e"?$/m.test(readFileSync(s.seeded(file), 'utf8'))));
      await s.step('AKS-KV-001 leaves Problems', () => problemsWith(wb, 'AKS-KV-001', 'no AKS-KV-001', (rows) => rows.length === 0));
    });

    await s.scenario('6. editing one file changes diagnostics in another, without reload', async () => {
      await s.step('the workload reports the missing SecretProviderClass', async () => {
        await wb.openFile('e2e-workload.yaml');
        await problemsWith(wb, 'AKS-KV-005', 'AKS-KV-005 for azure-kv-e2e', (rows) => rows.some((r) => r.message.includes('azure-kv-e2e')));
      });
      await s.step('rename the SecretProviderClass in the other file and save', async () => {
        await wb.openFile('e2e-keyvault-spc.yaml');
        const at = positionOf('e2e-keyvault-spc.yaml', 'name: azure-kv', { offset: 'name: azure-kv'.length });
        await wb.gotoLine(at.line, at.column);
        await wb.type('-e2e');
        await wb.save();
      });
      await s.step('the workload diagnostic clears', () =>
        problemsWith(wb, 'AKS-KV-005', 'no AKS-KV-005 for azure-kv-e2e', (rows) => !rows.some((r) => r.message.includes('azure-kv-e2e'))));
    });
  });
});
