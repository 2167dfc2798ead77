import type { Attribute, Block, Node } from '../../syntax/hcl/ast';
import type { TextRange } from '../../text/text-range';
import type { FileEdit, Fix } from './define-rule';
import { endsLine, eolOf, indentLines, indentationAt, lineContentEnd, lineStartAt, nextLineStart, startsLine, type SourceText } from './fix-text';

export { replaceYamlScalar, insertYamlKey } from './fix-yaml';
export type { SourceText } from './fix-text';

// Fix builders: minimal text edits that keep the user's formatting and leave HCL `terraform fmt`-clean (indentation
// from the surrounding block, the file's line endings, `=` alignment of the attribute run they join). Each returns
// edits; `fix(title, ...edits)` makes the plain-data Fix a report carries.

const INDENT_UNIT = '  ';

export function fix(title: string, ...edits: (FileEdit | readonly FileEdit[])[]): Fix {
  return { title, edits: edits.flat() };
}

export function replaceRange(file: SourceText, range: TextRange, newText: string): FileEdit {
  return { file: file.path, range, newText };
}

/**
 * Inserts `name = value` into a block: after its last attribute that precedes nested blocks (fmt's attributes-first
 * order), else at the top of the body. Pads the name to the `=` column of the attribute run it joins, and re-pads
 * that run when the new name is the longest, so `terraform fmt` would change nothing.
 */
export function insertAttribute(file: SourceText, block: Block, attribute: string): FileEdit[] {
  const { text } = file;
  const eol = eolOf(text);
  const m = /^\s*([^\s=]+)\s*=\s*([\s\S]*)$/.exec(attribute);
  const name = m ? m[1] : attribute.trim();
  const value = m ? m[2].trim() : '';
  const blockIndent = indentationAt(text, block.range.start);
  const items = block.body.items;
  if (!block.openBrace || !block.closeBrace) return [];
  if (items.length === 0) return insertIntoEmpty(file, block, `${name} = ${value}`);
  const firstBlock = items.findIndex((i) => i.kind === 'Block');
  const attrs = (firstBlock < 0 ? items : items.slice(0, firstBlock)).filter((i): i is Attribute => i.kind === 'Attribute');
  const anchor = attrs[attrs.length - 1];
  const indent = indentationAt(text, (anchor ?? items[0]).range.start) || blockIndent + INDENT_UNIT;
  if (!anchor) {
    const at = lineStartAt(text, items[0].range.start);
    return [replaceRange(file, { start: at, end: at }, `${indent}${name} = ${value}${eol}${eol}`)];
  }
  const run = alignedRun(text, attrs);
  const width = Math.max(name.length, ...run.map((a) => a.name.name.length));
  const edits: FileEdit[] = [];
  for (const a of run) {
    const gap = { start: a.name.range.end, end: a.equals.start };
    const wanted = ' '.repeat(width - a.name.name.length + 1);
    if (text.slice(gap.start, gap.end) !== wanted) edits.push(replaceRange(file, gap, wanted));
  }
  const at = lineContentEnd(text, anchor.range.end);
  edits.push(replaceRange(file, { start: at, end: at }, `${eol}${indent}${name.padEnd(width)} = ${value}`));
  return edits;
}

/** Inserts a (multi-line) block or other text after `node`, on its own lines, with the node's indentation. */
export function insertBlockAfter(file: SourceText, node: Node, snippet: string): FileEdit {
  const { text } = file;
  const eol = eolOf(text);
  const indent = indentationAt(text, node.range.start);
  const at = lineContentEnd(text, node.range.end);
  return replaceRange(file, { start: at, end: at }, `${eol}${eol}${indentLines(snippet.replace(/\r\n/g, '\n').trim(), indent, eol)}`);
}

/**
 * Removes a node. When it sits alone on its lines, the whole lines go (and one of two blank lines it leaves
 * between neighbours), so no stray indentation or empty line is left behind.
 */
export function removeNode(file: SourceText, node: Node): FileEdit {
  const { text } = file;
  const { start, end } = node.range;
  if (!startsLine(text, start) || !endsLine(text, end)) return replaceRange(file, node.range, '');
  let from = lineStartAt(text, start);
  const to = nextLineStart(text, end);
  const blankBefore = from > 0 && text.slice(lineStartAt(text, from - 1), from).trim() === '';
  const after = text.slice(to, nextLineStart(text, to));
  if (blankBefore && (after.trim() === '' || after.trim() === '}')) from = lineStartAt(text, from - 1);
  return replaceRange(file, { start: from, end: to }, '');
}

function insertIntoEmpty(file: SourceText, block: Block, line: string): FileEdit[] {
  const { text } = file;
  const eol = eolOf(text);
  const open = block.openBrace!;
  const close = block.closeBrace!;
  const blockIndent = indentationAt(text, block.range.start);
  // `x {}` or `x {\n}`: rewrite the inside so the closing brace lands on its own line at the block's indentation.
  return [replaceRange(file, { start: open.end, end: close.start }, `${eol}${blockIndent}${INDENT_UNIT}${line}${eol}${blockIndent}`)];
}

/** The consecutive single-line attributes (no blank or comment line between) that end with the last one. */
function alignedRun(text: string, attrs: readonly Attribute[]): Attribute[] {
  const run: Attribute[] = [];
  for (let i = attrs.length - 1; i >= 0; i--) {
    const a = attrs[i];
    if (text.slice(a.range.start, a.range.end).includes('\n')) break;
    const next = run[0];
    if (next && nextLineStart(text, a.range.end) !== lineStartAt(text, next.range.start)) break;
    run.unshift(a);
  }
  return run;
}
