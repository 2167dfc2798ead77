import type { KEntry } from '../../model/kubernetes/k-value';
import type { TextRange } from '../../text/text-range';
import type { FileEdit } from '../kit/define-rule';
import { lineContentEnd, lineStartAt, nextLineStart, type SourceText } from '../kit/fix-text';

// Line-level YAML text facts the CoreDNS fixes share: the lines an entry occupies, re-indenting them, the block
// scalar header of a value, and key renames that keep the key's quoting.

/** The whole lines of `key: value` (block scalar content included), from the key's line start past its last line break. */
export function entryLines(text: string, entry: KEntry): TextRange {
  let end = Math.max(entry.keyRange.end, entry.value.range.end);
  while (end > entry.keyRange.end && /\s/.test(text[end - 1])) end--;
  return { start: lineStartAt(text, entry.keyRange.start), end: nextLineStart(text, end) };
}

/** Column of an offset (spaces before it on its line). */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/** Shifts every non-blank line right by `delta` spaces (left when negative, never past existing spaces). */
export function shiftLines(block: string, delta: number): string {
  return block
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line.replace(/[ \t]+$/, '');
      if (delta >= 0) return ' '.repeat(delta) + line;
      const spaces = line.length - line.trimStart().length;
      return line.slice(Math.min(spaces, -delta));
    })
    .join('\n');
}

/** `|`, `|-`, `>+2`... written after `key:`; undefined when the value is not a block scalar. */
export function blockHeader(text: string, entry: KEntry): string | undefined {
  const m = /^\s*:[ \t]*([|>][-+0-9]*)/.exec(text.slice(entry.keyRange.end, lineContentEnd(text, entry.keyRange.end)));
  return m ? m[1] : undefined;
}

/** Offset just after the `:` that ends a block-mapping key; undefined when not found on the key's line. */
export function colonAfterKey(text: string, entry: KEntry): number | undefined {
  const m = /^[ \t]*:/.exec(text.slice(entry.keyRange.end, lineContentEnd(text, entry.keyRange.end)));
  return m ? entry.keyRange.end + m[0].length : undefined;
}

/** Renames a mapping key in its own quoting style. */
export function renameKey(file: SourceText, keyRange: TextRange, key: string): FileEdit {
  const q = file.text[keyRange.start];
  const newText = q === '"' ? JSON.stringify(key) : q === "'" ? `'${key.replace(/'/g, "''")}'` : key;
  return { file: file.path, range: keyRange, newText };
}

/** True when the range holds one HCL string literal without interpolation, so replacing it keeps the meaning. */
export function isHclStringLiteral(text: string, range: TextRange): boolean {
  return /^"(?:[^"\\$%]|\\.)*"$/.test(text.slice(range.start, range.end));
}
