// Debian's Chromium driven by playwright-core (which downloads no browser). Records console errors and any request
// that leaves 127.0.0.1, because the tests must prove the editor works offline.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** URLs requested outside loopback; the tests assert this stays empty. */
  outsideRequests: string[];
  consoleLines: string[];
  close(): Promise<void>;
}

/** `env` redirects Chromium's own writes (crash reports, caches) into the run folder instead of $HOME. */
export async function launchBrowser(profileDir: string, env: Record<string, string>): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    env: { ...process.env, ...env } as Record<string, string>,
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const outsideRequests: string[] = [];
  const consoleLines: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    const local = ['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:', 'vscode-webview:'].includes(url.protocol);
    if (!local) outsideRequests.push(req.url());
  });
  page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));
  return { context, page, outsideRequests, consoleLines, close: () => context.close() };
}
