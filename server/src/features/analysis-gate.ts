// Which texts are analysed at all. A 50 MB generated file or a binary that happens to end in .yaml would stall
// every keystroke; the user gets one clear notice instead.

/** Above this size (UTF-16 code units) a file is not parsed. */
export const MAX_ANALYSED_CHARS = 5_000_000;

export type GateResult = { readonly analyse: true } | { readonly analyse: false; readonly reason: string };

export function analysisGate(text: string): GateResult {
  if (text.length > MAX_ANALYSED_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return { analyse: false, reason: `File not analysed: ${mb} M characters is above the ${MAX_ANALYSED_CHARS / 1_000_000} M limit.` };
  }
  // NUL never occurs in HCL or YAML text; its presence in the first 8 K means a binary file
  if (text.slice(0, 8192).includes('\u0000')) return { analyse: false, reason: 'File not analysed: it looks binary (contains NUL characters).' };
  return { analyse: true };
}
