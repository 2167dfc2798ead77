import type { Attribute, Block } from '../../syntax/hcl/ast';
import type { FileEdit } from '../kit/define-rule';
import { removeNode, replaceRange, type SourceText } from '../kit/fix';
import { lineStartAt, nextLineStart } from '../kit/fix-text';

// Attribute edits that keep `terraform fmt` alignment: fmt aligns the `=` of runs of single-line attributes on
// adjacent lines (a blank line, a comment line, a nested block or a multi-line value ends a run), so renaming or
// removing attributes re-pads the runs they touch. Used by AKS-VER-001 and by ra/ for role_definition_id.

export interface AttributeChanges {
  readonly rename?: ReadonlyMap<Attribute, string>;
  readonly remove?: readonly Attribute[];
  /** new value text per attribute */
  readonly value?: ReadonlyMap<Attribute, string>;
}

export function editAttributes(file: SourceText, block: Block, changes: AttributeChanges): FileEdit[] {
  const rename = changes.rename ?? new Map<Attribute, string>();
  const removed = new Set(changes.remove ?? []);
  const edits: FileEdit[] = [];
  for (const [a, name] of rename) edits.push(replaceRange(file, a.name.range, name));
  for (const [a, text] of changes.value ?? []) edits.push(replaceRange(file, a.value.range, text));
  for (const a of removed) edits.push(removeNode(file, a));
  const nameLength = (a: Attribute) => (rename.get(a) ?? a.name.name).length;
  for (const chain of chains(file.text, block)) {
    if (!chain.some((a) => removed.has(a) || rename.has(a))) continue;
    edits.push(...repad(file, chain.filter((a) => !removed.has(a)), nameLength));
  }
  return edits;
}

export function renameAttribute(file: SourceText, block: Block, attr: Attribute, newName: string, newValue?: string): FileEdit[] {
  return editAttributes(file, block, { rename: new Map([[attr, newName]]), value: newValue === undefined ? undefined : new Map([[attr, newValue]]) });
}

export function removeAttribute(file: SourceText, block: Block, attr: Attribute): FileEdit[] {
  return editAttributes(file, block, { remove: [attr] });
}

const singleLine = (text: string, a: Attribute): boolean => !text.slice(a.range.start, a.range.end).includes('\n');
const adjacent = (text: string, upper: Attribute, lower: Attribute): boolean => nextLineStart(text, upper.range.end) === lineStartAt(text, lower.range.start);

/** Runs of single-line attributes on adjacent lines, as in the original text. */
function chains(text: string, block: Block): Attribute[][] {
  const out: Attribute[][] = [];
  let cur: Attribute[] = [];
  for (const item of block.body.items) {
    const ok = item.kind === 'Attribute' && singleLine(text, item);
    if (ok && cur.length > 0 && adjacent(text, cur[cur.length - 1], item)) {
      cur.push(item);
      continue;
    }
    if (cur.length) out.push(cur);
    cur = ok ? [item] : [];
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Edits that pad every name of the run to the run's widest name (as the names will be after the edit). */
function repad(file: SourceText, run: readonly Attribute[], nameLength: (a: Attribute) => number): FileEdit[] {
  if (run.length === 0) return [];
  const width = Math.max(...run.map(nameLength));
  const edits: FileEdit[] = [];
  for (const a of run) {
    const gap = { start: a.name.range.end, end: a.equals.start };
    const wanted = ' '.repeat(width - nameLength(a) + 1);
    if (file.text.slice(gap.start, gap.end) !== wanted) edits.push(replaceRange(file, gap, wanted));
  }
  return edits;
}
