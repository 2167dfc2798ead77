import type { KEntry, KMap } from '../../model/kubernetes/k-value';
import type { FileEdit, Fix } from '../kit/define-rule';
import { eolOf, type SourceText } from '../kit/fix-text';
import { columnOf, entryLines, shiftLines } from './yaml-lines';

// Restores `metadata:` / `data:` around fields written at the top level of a ConfigMap (the write-up's example).
// Each misplaced entry moves verbatim, lines shifted by one indentation step, so block scalars and their
// comments survive; comment lines between entries stay where they are.

export interface MisplacedGroup {
  readonly parent: 'metadata' | 'data';
  readonly entries: readonly KEntry[];
}

export function restructureFix(file: SourceText, root: KMap, groups: readonly MisplacedGroup[]): Fix | undefined {
  const { text } = file;
  const first = root.entries[0];
  if (!first || text[root.range.start] === '{') return undefined;
  const rootIndent = columnOf(text, first.keyRange.start);
  const step = indentStep(text, root, rootIndent);
  const eol = eolOf(text);
  const lines = (e: KEntry, delta: number) => {
    const r = entryLines(text, e);
    const chunk = shiftLines(text.slice(r.start, r.end).replace(/\r\n/g, '\n'), delta);
    return chunk.endsWith('\n') ? chunk : `${chunk}\n`;
  };
  const edits: FileEdit[] = [];
  for (const g of groups) {
    if (g.entries.length === 0) continue;
    const existing = root.get(g.parent);
    if (existing && (existing.kind !== 'map' || existing.entries.length === 0 || text[existing.range.start] === '{')) return undefined;
    const moved = (delta: number) => g.entries.map((e) => lines(e, delta)).join('').replace(/\n/g, eol);
    if (existing?.kind === 'map') {
      const target = columnOf(text, existing.entries[0].keyRange.start);
      const at = entryLines(text, existing.entries[existing.entries.length - 1]).end;
      edits.push({ file: file.path, range: { start: at, end: at }, newText: moved(target - rootIndent) });
      for (const e of g.entries) edits.push({ file: file.path, range: entryLines(text, e), newText: '' });
      continue;
    }
    const header = `${' '.repeat(rootIndent)}${g.parent}:${eol}`;
    edits.push({ file: file.path, range: entryLines(text, g.entries[0]), newText: header + moved(step) });
    for (const e of g.entries.slice(1)) edits.push({ file: file.path, range: entryLines(text, e), newText: '' });
  }
  if (edits.length === 0) return undefined;
  const what = groups.filter((g) => g.entries.length > 0).map((g) => `${g.parent}:`).join(' and ');
  return { title: `Move the top-level fields under ${what}`, edits };
}

/** The indentation step the document uses for nested block maps (2 when it has none). */
function indentStep(text: string, root: KMap, rootIndent: number): number {
  for (const e of root.entries) {
    if (e.value.kind !== 'map' || e.value.entries.length === 0) continue;
    const col = columnOf(text, e.value.entries[0].keyRange.start);
    if (col > rootIndent && text[e.value.range.start] !== '{') return col - rootIndent;
  }
  return 2;
}
