// Polling waits for conditions the UI or the extension host reach asynchronously. Nothing here sleeps a fixed time
// as synchronisation: every wait re-checks a condition and fails with the condition's description on timeout.

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Re-evaluates `probe` until it returns a value other than undefined/false, then returns that value. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 20_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err; // the DOM can change under a probe; retry until the deadline
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs)); // poll interval, not a synchronisation sleep
  }
}

/** Rejects with a description when `promise` has not settled within `timeoutMs`; the timer never outlives it. */
export async function withTimeout<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
