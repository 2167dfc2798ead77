import type { TextRange } from './text-range';

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** Applies non-overlapping edits; returns undefined when two edits overlap (a caller bug, never silently merged). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.range.start < pos || e.range.end < e.range.start || e.range.end > text.length) return undefined;
    out += text.slice(pos, e.range.start) + e.newText;
    pos = e.range.end;
  }
  return out + text.slice(pos);
}
