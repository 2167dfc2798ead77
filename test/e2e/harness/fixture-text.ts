// Positions in the seeded fixture files, found by content so the scenarios survive edits to the fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededDir } from './paths';

export interface Position {
  line: number; // 1-based, as "Go to Line" takes it
  column: number; // 1-based
}

/** Position of `needle` (the `nth` occurrence, 0-based) in a seeded file; `offset` moves right within the match. */
export function positionOf(file: string, needle: string, { nth = 0, offset = 0 } = {}): Position {
  const lines = readFileSync(join(seededDir, file), 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].indexOf(needle);
    if (col >= 0 && seen++ === nth) return { line: i + 1, column: col + 1 + offset };
  }
  throw new Error(`"${needle}" not found in fixture ${file}`);
}

/** First and last line (1-based) of the block that starts on the line containing `header`. */
export function blockLines(file: string, header: string): { first: number; last: number } {
  const lines = readFileSync(join(seededDir, file), 'utf8').split('\n');
  const first = positionOf(file, header).line;
  const last = lines.findIndex((l, i) => i >= first && l === '}') + 1;
  return { first, last };
}

/** Whitespace-insensitive containment: alignment by `terraform fmt` may change between versions. */
export function containsIgnoringSpaces(text: string, expected: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return squash(text).includes(squash(expected));
}
