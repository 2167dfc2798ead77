// What a user does in VS Code, as Playwright steps against the code-server workbench (VS Code 1.100 selectors,
// recipe §5). Every method waits for the UI state it produced; none sleeps.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { waitUntil } from './wait';

export interface ProblemRow {
  message: string;
  code: string;
  source: string;
  label: string;
}

const norm = (s: string) => s.replace(/\u00a0/g, ' ');

type StyleWindow = { getComputedStyle(el: unknown): Record<string, string> };

/** A computed CSS property of an element in the page or a webview (the tests run in Node, without DOM types). */
export function computedStyle(target: Locator, prop: string): Promise<string> {
  return target.evaluate((el, p) => (globalThis as unknown as StyleWindow).getComputedStyle(el)[p], prop);
}

export class Workbench {
  constructor(readonly page: Page) {}

  async waitReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.part.statusbar').waitFor();
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Types into the quick input and accepts the row whose label matches. */
  private async pick(text: string, row: string | RegExp): Promise<void> {
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.pressSequentially(text);
    const match = this.quickInput().locator('.monaco-list-row', { hasText: row }).first();
    await match.waitFor({ timeout: 15_000 });
    await match.click();
    // The row, not the widget: the command may open its own quick pick at once, reusing the widget.
    await match.waitFor({ state: 'hidden' });
  }

  /** Quick Open (Ctrl+P). Retried: right after startup the file search may not list the file yet. */
  async openFile(name: string): Promise<void> {
    const input = this.quickInput().locator('input');
    const row = this.quickInput().locator('.monaco-list-row', { hasText: name }).first();
    await waitUntil(`Quick Open to list ${name}`, async () => {
      if (!(await input.isVisible())) {
        await this.page.keyboard.press('Control+P');
        await input.waitFor();
        await input.pressSequentially(name);
      }
      if (await row.isVisible()) return true;
      await row.waitFor({ timeout: 10_000 }).catch(() => this.page.keyboard.press('Escape'));
      return false;
    }, { timeoutMs: 60_000 });
    await row.click();
    await this.quickInput().waitFor({ state: 'hidden' });
    await this.activeTab(name).waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  async runCommand(title: string | RegExp, typed = typeof title === 'string' ? title : ''): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.pick(typed, title);
  }

  /** The active tab of the active editor group (each group has an active tab once a webview opens beside). */
  activeTab(name: string): Locator {
    return this.page.locator('.editor-group-container.active .tab.active', { hasText: name });
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** 1-based line and column, as a user types into "Go to Line". */
  async gotoLine(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.pressSequentially(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
    await waitUntil(`cursor at ${line}:${column}`, async () => (await this.cursor()).line === line);
  }

  async cursor(): Promise<{ line: number; column: number }> {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText();
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    if (!m) throw new Error(`no cursor position in status bar: ${text}`);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Saves the active editor after an edit. Waits for the edit to land first (a quick fix's edit may be resolved
   * by the server after the menu closes), so Ctrl+S never saves the text from before it. */
  async save(): Promise<void> {
    const dirty = this.page.locator('.editor-group-container.active .tab.active.dirty');
    await dirty.waitFor();
    await this.page.keyboard.press('Control+S');
    await dirty.waitFor({ state: 'detached' });
  }

  squiggles(kind: 'error' | 'warning' | 'info' | 'any' = 'any'): Locator {
    const sel = kind === 'any' ? '.squiggly-error, .squiggly-warning, .squiggly-info' : `.squiggly-${kind}`;
    return this.activeEditor().locator(sel);
  }

  async openProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }

  /** Problems rows; `filter` is typed into the panel's filter box (matches message, code and source). */
  async problems(filter?: string): Promise<ProblemRow[]> {
    await this.openProblems();
    if (filter !== undefined) {
      const box = this.page.locator('.part.panel .viewpane-filter input').first();
      if ((await box.inputValue()) !== filter) await box.fill(filter);
    }
    // One DOM read: the virtualised list re-renders while filtering, so rows must not be read one by one.
    // (No named helpers inside: the page-side function must not reference the bundler's __name helper.)
    const rows = await this.page.locator('.markers-panel .monaco-list-row:has(.marker-message)').evaluateAll((els) =>
      els.map((el) => ({
        message: Array.from(el.querySelectorAll('.marker-message'), (e) => e.textContent ?? '').join(' ').trim(),
        code: Array.from(el.querySelectorAll('.marker-code'), (e) => e.textContent ?? '').join(' ').trim(),
        source: Array.from(el.querySelectorAll('.marker-source'), (e) => e.textContent ?? '').join(' ').trim(),
        label: el.getAttribute('aria-label') ?? '',
      })));
    return rows.map((r) => ({ message: norm(r.message), code: norm(r.code).replace(/^\(|\)$/g, ''), source: norm(r.source), label: norm(r.label) }));
  }

  /** Applies the quick fix whose title matches, at the cursor, with the keyboard (clicks hit a pointer block). */
  async applyQuickFix(title: RegExp): Promise<string> {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    const none = this.page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
    const shown = await waitUntil('the code actions menu', async () =>
      ((await widget.locator('.monaco-list-row').first().isVisible()) && 'menu') || ((await none.isVisible()) && 'none'), { timeoutMs: 30_000 });
    if (shown === 'none') throw new Error(`no code actions at the cursor (wanted ${title})`);
    const titles = (await widget.locator('.monaco-list-row').allInnerTexts()).map((t) => norm(t).trim());
    const index = titles.findIndex((t) => title.test(t));
    if (index < 0) {
      await this.page.keyboard.press('Escape');
      throw new Error(`no quick fix matching ${title}; offered: ${JSON.stringify(titles)}`);
    }
    for (let i = 0; i < titles.length; i++) {
      const focused = norm(await widget.locator('.monaco-list-row.focused').innerText().catch(() => '')).trim();
      if (title.test(focused)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    return titles[index];
  }

  /** Shows the hover at the cursor (editor.action.showHover) and returns its text and link targets. */
  async hoverAtCursor(): Promise<{ text: string; links: string[] }> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor();
    await waitUntil('hover content', async () => (await hover.innerText()).trim().length > 0);
    const links = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    return { text: norm(await hover.innerText()), links };
  }

  /** Closes an editor tab by its title with the tab's close button (keys may go to a focused webview). */
  async closeTab(title: string | RegExp): Promise<void> {
    const tab = this.page.locator('.tab', { hasText: title }).first();
    await tab.hover();
    await tab.locator('.tab-actions .codicon-close').click();
    await tab.waitFor({ state: 'detached' });
  }

  /** The active webview's document (two iframes deep, recipe §5). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Focuses a contributed view by its name (VS Code generates "Focus on <name> View") and returns its pane. */
  async focusView(name: string): Promise<Locator> {
    // Retried: the palette lists the view's focus command only once the extension host has registered the view.
    await waitUntil(`"Focus on ${name} View" in the palette`, () =>
      this.runCommand(new RegExp(`Focus on ${name} View`), `Focus on ${name} View`).then(() => true, async () => {
        await this.page.keyboard.press('Escape');
        return false;
      }), { timeoutMs: 60_000 });
    const header = this.page.locator('.pane-header', { hasText: name });
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // Collapse the other sections of the side bar, so the (virtualised) tree gets the height to render its rows.
    const others = this.page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasNotText: name });
    for (let i = await others.count(); i > 0; i--) await others.first().click();
    return this.page.locator('.pane', { has: header });
  }
}
