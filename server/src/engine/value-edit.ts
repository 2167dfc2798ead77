import type { Workspace } from '../model/workspace';
import type { Attribute, BodyItem, Node } from '../syntax/hcl/ast';
import { forEachChild } from '../syntax/hcl/walk';
import type { TextRange } from '../text/text-range';
import type { FileChanges } from './snapshot-changes';

// "Only the value of one attribute changed, not what it refers to": typing a digit of node_count, a letter of a name,
// a letter beside `${var.prefix}`. Everything else in the module is the same text and every reference the same, so a
// check that read no attribute of that name (model/terraform/attribute-reads.ts) would report the same, only shifted
// by the length change. The runner keeps such reports instead of running the check (run.ts). Anything more than
// that is not a value edit and re-runs as before.

/** One edited file's change: the old value `old.slice(start, oldEnd)` became text of length `oldEnd - start + delta`. */
export interface EditSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

export interface ValueEdit {
  /** the names of the edited attributes */
  readonly names: ReadonlySet<string>;
  readonly spans: ReadonlyMap<string, EditSpan>;
}

// Meta-arguments change instances or ordering, not a value a check reads by name.
const META = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers', 'lifecycle']);

export function valueEdit(before: Workspace, after: Workspace, changes: FileChanges): ValueEdit | undefined {
  if (changes.config || changes.varFiles || changes.paths.size === 0) return undefined;
  const names = new Set<string>();
  const spans = new Map<string, EditSpan>();
  for (const path of changes.paths) {
    const was = before.file(path);
    const now = after.file(path);
    if (!was || !now || was.kind !== 'terraform' || now.kind !== 'terraform') return undefined;
    const span = spanOf(was.text, now.text);
    if (/[\r\n]/.test(was.text.slice(span.start, span.oldEnd)) || /[\r\n]/.test(now.text.slice(span.start, span.newEnd))) return undefined;
    const oldParse = before.hcl(path);
    const newParse = after.hcl(path);
    if (!oldParse || !newParse || oldParse.diagnostics.length > 0 || newParse.diagnostics.length > 0) return undefined;
    const edited = editedAttribute(oldParse.file.body.items, newParse.file.body.items, span, was.text, now.text);
    if (!edited) return undefined;
    names.add(edited.name.name);
    // the whole value, so that a range ending where the value ends (the attribute's) moves with it
    spans.set(path, { start: edited.value.range.start, oldEnd: edited.value.range.end, delta: span.delta });
  }
  return { names, spans };
}

// Blocks compared as strings first (native comparison), then characters: a keystroke in a 5,000-line file.
const BLOCK = 1024;

function spanOf(was: string, now: string): EditSpan & { readonly newEnd: number } {
  let start = 0;
  const shortest = Math.min(was.length, now.length);
  while (start + BLOCK <= shortest && was.slice(start, start + BLOCK) === now.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shortest && was.charCodeAt(start) === now.charCodeAt(start)) start++;
  let tail = 0;
  while (tail + BLOCK <= shortest - start && was.slice(was.length - tail - BLOCK, was.length - tail) === now.slice(now.length - tail - BLOCK, now.length - tail)) tail += BLOCK;
  while (tail < shortest - start && was.charCodeAt(was.length - 1 - tail) === now.charCodeAt(now.length - 1 - tail)) tail++;
  return { start, oldEnd: was.length - tail, newEnd: now.length - tail, delta: now.length - was.length };
}

/**
 * The attribute (old parse) of a resource or data block whose literal value holds the whole edit, in both parses,
 * with the same block and attribute structure around it; undefined for any other edit (new lines included, as
 * messages may name line numbers).
 */
function editedAttribute(
  was: readonly BodyItem[],
  now: readonly BodyItem[],
  span: EditSpan & { readonly newEnd: number },
  oldText: string,
  newText: string,
): Attribute | undefined {
  if (was.length !== now.length) return undefined;
  let depth = 0;
  let oldItems = was;
  let newItems = now;
  for (;;) {
    const i = oldItems.findIndex((item) => inside(item.range, span.start, span.oldEnd));
    if (i < 0) return undefined;
    const a = oldItems[i];
    const b = newItems[i];
    if (a.kind !== b.kind) return undefined;
    if (a.kind === 'Block' && b.kind === 'Block') {
      const top = depth === 0;
      if ((top && a.type.name !== 'resource' && a.type.name !== 'data') || a.type.name === 'dynamic' || a.type.name !== b.type.name) return undefined;
      if (a.labels.length !== b.labels.length || a.labels.some((l, k) => l.value !== b.labels[k].value)) return undefined;
      if (a.body.items.length !== b.body.items.length) return undefined;
      oldItems = a.body.items;
      newItems = b.body.items;
      depth++;
      continue;
    }
    if (depth === 0) return undefined;
    return sameAttributeOtherValue(a as Attribute, b as Attribute, span, oldText, newText);
  }
}

function sameAttributeOtherValue(a: Attribute, b: Attribute, span: EditSpan & { readonly newEnd: number }, oldText: string, newText: string): Attribute | undefined {
  const name = a.name.name;
  if (name !== b.name.name || META.has(name)) return undefined;
  if (a.value.range.start !== b.value.range.start || a.value.range.end + span.delta !== b.value.range.end) return undefined;
  if (!inside(a.value.range, span.start, span.oldEnd) || !inside(b.value.range, span.start, span.newEnd)) return undefined;
  const before = referencesIn(a.value, oldText);
  const after = referencesIn(b.value, newText);
  if (!before || !after || before.length !== after.length || before.some((r, i) => r !== after[i])) return undefined;
  return a;
}

function inside(range: TextRange, start: number, end: number): boolean {
  return range.start <= start && end <= range.end;
}

/**
 * The text of every reference (variable, attribute or index chain) in `node`, in order; undefined when it calls a
 * function or binds names (`for`), whose results are more than a function of the references' values (file(), ...).
 * An edit inside a chain changes its text, so equal lists mean the edit only touched literal parts and operators.
 */
function referencesIn(node: Node, text: string, out: string[] = []): string[] | undefined {
  switch (node.kind) {
    case 'Call':
    case 'For':
    case 'TemplateFor':
      return undefined;
    case 'Variable':
    case 'GetAttr':
    case 'Index':
    case 'Splat':
      out.push(text.slice(node.range.start, node.range.end));
      return out;
  }
  let ok = true;
  forEachChild(node, (child) => {
    if (ok && !referencesIn(child, text, out)) ok = false;
  });
  return ok ? out : undefined;
}

/** `offset` of the old text in the new one; undefined strictly inside the edited value (nothing maps there). */
export function shiftedOffset(span: EditSpan, offset: number): number | undefined {
  if (offset <= span.start) return offset;
  if (offset >= span.oldEnd) return offset + span.delta;
  return undefined;
}
