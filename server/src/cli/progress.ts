// A one-line progress indicator on stderr, only when stderr is a terminal and the run is long enough to need one
// (it appears after the first 500 ms); redirected or piped output never sees control characters.

export interface Progress {
  readonly reading: (count: number) => void;
  /** undefined when no progress is shown, so callers can skip chunking */
  readonly analysing: ((done: number, total: number) => void) | undefined;
  done(): void;
}

const DELAY_MS = 500;

export function createProgress(stderr: { write(s: string): unknown; readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Progress {
  if (!stderr.isTTY || env.CI) return { reading: () => {}, analysing: undefined, done: () => {} };
  const started = Date.now();
  let shown = false;
  const show = (line: string): void => {
    if (Date.now() - started < DELAY_MS) return;
    shown = true;
    stderr.write(`\r\x1b[K${line}`);
  };
  return {
    reading: (n) => {
      if (n % 50 === 0) show(`aks-lint: reading files… ${n}`);
    },
    analysing: (done, total) => {
      const width = 24;
      const filled = Math.round((done / total) * width);
      show(`aks-lint: [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
    },
    done: () => {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
