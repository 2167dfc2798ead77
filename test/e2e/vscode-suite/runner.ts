// A minimal sequential test runner for the extension host (mocha is not a dependency): named tests, a per-test
// timeout, a summary on the console (which the workbench forwards to codeAutomationLog) and in a JSON file.
import { writeFileSync } from 'node:fs';
import { withTimeout } from '../harness/wait';

type TestFn = () => Promise<void>;
const registered: { name: string; fn: TestFn }[] = [];

export function test(name: string, fn: TestFn): void {
  registered.push({ name, fn });
}

export interface SuiteResult {
  passes: number;
  failures: number;
  tests: { name: string; ok: boolean; ms: number; error?: string }[];
}

/** Runs every registered test in order; rejects when any failed, so the host reports exit code 1. */
export async function runRegistered(resultFile: string | undefined, perTestMs = 90_000): Promise<SuiteResult> {
  const result: SuiteResult = { passes: 0, failures: 0, tests: [] };
  for (const { name, fn } of registered) {
    const started = Date.now();
    try {
      await withTimeout(`"${name}"`, fn(), perTestMs);
      result.passes++;
      result.tests.push({ name, ok: true, ms: Date.now() - started });
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      result.failures++;
      result.tests.push({ name, ok: false, ms: Date.now() - started, error });
      console.log(`  ✖ ${name}: ${error}`);
    }
  }
  console.log(`${result.passes} passing, ${result.failures} failing`);
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result, null, 2));
  if (result.failures > 0) throw new Error(`${result.failures} of ${registered.length} API tests failed`);
  return result;
}
