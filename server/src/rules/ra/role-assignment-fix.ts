import type { Expr } from '../../syntax/hcl/ast';
import type { TfResource } from '../../model/terraform/model-types';
import type { FileEdit } from '../kit/define-rule';
import { insertAttribute, insertBlockAfter, replaceRange, type SourceText } from '../kit/fix';
import { eolOf, indentationAt } from '../kit/fix-text';

// Edits shared by the identity and role-assignment rules: insert resources after the cluster and make the cluster
// depend on new role assignments (a user-assigned control plane must hold its roles before AKS creates the cluster).

/** Inserts HCL blocks after the cluster resource, separated by blank lines. */
export function insertAfterCluster(file: SourceText, cluster: TfResource, snippets: readonly string[]): FileEdit {
  return insertBlockAfter(file, cluster.node, snippets.join('\n\n'));
}

/** Adds `azurerm_role_assignment.<name>` entries to the cluster's depends_on, creating the attribute when absent. */
export function addDependsOn(file: SourceText, cluster: TfResource, names: readonly string[]): FileEdit[] {
  const refs = names.map((n) => `azurerm_role_assignment.${n}`);
  const existing = cluster.attribute('depends_on');
  if (!existing) return insertAttribute(file, cluster.node, `depends_on = [${refs.join(', ')}]`);
  const list = existing.expr;
  if (list.kind !== 'Tuple') return [];
  const present = new Set(list.items.map((i) => file.text.slice(i.range.start, i.range.end)));
  const add = refs.filter((r) => !present.has(r));
  if (add.length === 0) return [];
  return [appendToTuple(file, list, add)];
}

function appendToTuple(file: SourceText, list: Expr & { kind: 'Tuple' }, add: readonly string[]): FileEdit {
  const { text } = file;
  const items = list.items;
  const inner = { start: list.range.start + 1, end: list.range.end - 1 };
  if (items.length === 0) return replaceRange(file, inner, add.join(', '));
  const last = items[items.length - 1];
  const multiline = text.slice(list.range.start, list.range.end).includes('\n');
  if (!multiline) return replaceRange(file, { start: last.range.end, end: last.range.end }, `, ${add.join(', ')}`);
  // one entry per line: follow the last item's indentation and its trailing-comma style
  let at = last.range.end;
  while (text[at] === ' ' || text[at] === '\t') at++;
  const comma = text[at] === ',';
  const eol = eolOf(text);
  const indent = indentationAt(text, last.range.start);
  if (comma) return replaceRange(file, { start: at + 1, end: at + 1 }, add.map((a) => `${eol}${indent}${a},`).join(''));
  return replaceRange(file, { start: last.range.end, end: last.range.end }, add.map((a) => `,${eol}${indent}${a}`).join(''));
}
