import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analyzer } from './analyzer';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import { AnalysisScheduler } from './analysis-scheduler';

// When an edited file is analysed. A debounce far longer than any test makes "ran without waiting for it" and "waits
// for it" observable from event-loop turns alone (no sleeps): the connection hands over one message per turn.

const HOUR = 3_600_000;

interface Probe {
  readonly s: AnalysisScheduler;
  readonly analysed: (readonly string[] | undefined)[];
  readonly published: string[];
}

function scheduler(): Probe {
  const analysed: (readonly string[] | undefined)[] = [];
  const published: string[] = [];
  const analyzer = { analyze: (files?: readonly string[]) => (analysed.push(files), []) } as unknown as Analyzer;
  const publisher = { publish: (file: string) => (published.push(file), true), shown: () => [], clearAll: () => undefined } as unknown as DiagnosticsPublisher;
  const s = new AnalysisScheduler(
    { analyzer, publisher, versionOf: () => 1, noticesFor: () => [], knownFiles: () => [], afterWorkspacePass: () => undefined, log: () => undefined },
    { editDelayMs: HOUR, editMaxWaitMs: 2 * HOUR, workspaceDelayMs: HOUR },
  );
  return { s, analysed, published };
}

/** Runs `body` with a scheduler that is disposed afterwards, so no hour-long timer outlives the test. */
async function withScheduler(body: (probe: Probe) => Promise<void>): Promise<void> {
  const probe = scheduler();
  try {
    await body(probe);
  } finally {
    probe.s.dispose();
  }
}

/** One turn of the event loop's check phase, as the connection takes to hand over the next queued message. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a lone edit is analysed once the messages already received are handled, without the debounce', () =>
  withScheduler(async ({ s, analysed, published }) => {
    s.documentChanged('/ws/main.tf');
    assert.deepEqual(analysed, [], 'not inside the change handler');
    await turn();
    await turn();
    assert.deepEqual(analysed, [['/ws/main.tf']]);
    assert.deepEqual(published, ['/ws/main.tf']);
  }));

test('a change handled before the analysis ran supersedes it: the burst waits for the quiet time', () =>
  withScheduler(async ({ s, analysed }) => {
    s.documentChanged('/ws/main.tf');
    // the next queued message, handed over one turn later (as vscode-jsonrpc does)
    setImmediate(() => s.documentChanged('/ws/main.tf'));
    await turn();
    await turn();
    await turn();
    assert.deepEqual(analysed, [], 'debounced behind the hour-long quiet time');
  }));

test('after an analysis, the next lone edit is again analysed without the debounce', () =>
  withScheduler(async ({ s, analysed }) => {
    s.documentChanged('/ws/a.tf');
    await turn();
    await turn();
    s.documentChanged('/ws/a.tf');
    await turn();
    await turn();
    assert.deepEqual(analysed, [['/ws/a.tf'], ['/ws/a.tf']]);
  }));

test('disposing cancels a pending edit', async () => {
  const { s, analysed } = scheduler();
  s.documentChanged('/ws/main.tf');
  s.dispose();
  await turn();
  await turn();
  assert.deepEqual(analysed, []);
});
