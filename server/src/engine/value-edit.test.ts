import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { fileChanges } from './snapshot-changes';
import { shiftedOffset, valueEdit } from './value-edit';

// Which edits count as value edits (engine/value-edit.ts): only a literal value of a resource or data block attribute,
// within one line, with the same structure around it in both parses.

const MAIN = `resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks-1"
  default_node_pool {
    node_count = 3
  }
  dns_prefix = var.prefix
  tags = { env = "\${var.env}-x" }
}

locals {
  size = 3
}
`;

function edit(from: string, to: string, text = MAIN) {
  const before = Workspace.create([{ path: 'main.tf', text }]);
  const after = before.withFile('main.tf', text.replace(from, to));
  assert.notEqual(after.file('main.tf')!.text, text, `${from} is in the text`);
  return valueEdit(before, after, fileChanges(before, after));
}

test('a digit or letter typed in a literal of a resource attribute is a value edit of that name', () => {
  const digit = edit('node_count = 3', 'node_count = 35');
  assert.deepEqual([...digit!.names], ['node_count']);
  const span = digit!.spans.get('main.tf')!;
  const valueAt = MAIN.indexOf('3\n  }');
  assert.deepEqual(span, { start: valueAt, oldEnd: valueAt + 1, delta: 1 });
  assert.deepEqual([...edit('"aks-1"', '"aks-12"')!.names], ['name']);
  assert.deepEqual([...edit('"aks-1"', '"ak-1"')!.names], ['name']);
  assert.deepEqual([...edit('}-x"', '}-xy"')!.names], ['tags'], 'beside an interpolation, its reference unchanged');
});

test('edits that change more than one literal value are not value edits', () => {
  assert.equal(edit('size = 3', 'size = 4'), undefined, 'locals are read by name from anywhere');
  assert.equal(edit('var.prefix', 'var.prefi'), undefined, 'a reference');
  assert.equal(edit('"aks-1"', '"aks-${var.x}"'), undefined, 'a new interpolation');
  assert.equal(edit('var.env', 'var.envs'), undefined, 'a reference in an interpolation');
  assert.equal(edit('"aks-1"', 'lower("aks-1")'), undefined, 'a call');
  assert.equal(edit('"aks-1"', 'lower("aks-12")', MAIN.replace('"aks-1"', 'lower("aks-1")')), undefined, 'inside a call');
  assert.equal(edit('node_count = 3', 'node_count = 3\n    max_pods = 30'), undefined, 'a new attribute');
  assert.equal(edit('node_count = 3', 'node_count = '), undefined, 'a parse error');
  assert.equal(edit('node_count = 3', 'node_counts = 3'), undefined, 'a renamed attribute');
  assert.equal(edit('"aks-1"', '"aks\n-1"'), undefined, 'a new line');
  assert.equal(edit('resource "azurerm_kubernetes_cluster" "aks"', 'resource "azurerm_kubernetes_cluster" "aks2"'), undefined, 'a label');
  const counted = 'resource "azurerm_subnet" "s" {\n  count = 2\n}\n';
  assert.equal(edit('count = 2', 'count = 3', counted), undefined, 'a meta-argument');
  const two = Workspace.create([{ path: 'a.tf', text: MAIN }, { path: 'b.yaml', text: 'a: 1\n' }]);
  const both = two.withFile('a.tf', MAIN.replace('= 3', '= 4')).withFile('b.yaml', 'a: 2\n');
  assert.equal(valueEdit(two, both, fileChanges(two, both)), undefined, 'a YAML file changed too');
});

test('offsets after the edited value move by the length change; inside it they have no place', () => {
  const span = { start: 10, oldEnd: 12, delta: 3 };
  assert.equal(shiftedOffset(span, 4), 4);
  assert.equal(shiftedOffset(span, 10), 10);
  assert.equal(shiftedOffset(span, 11), undefined);
  assert.equal(shiftedOffset(span, 12), 15);
  assert.equal(shiftedOffset(span, 40), 43);
});
