import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseHcl } from '../../syntax/hcl/parser';
import type { Block } from '../../syntax/hcl/ast';
import { applyEdits } from '../../text/text-edit';
import { parseKubernetesFile } from '../../model/kubernetes/kubernetes-file';
import { asMap, asScalar, getPath } from '../../model/kubernetes/k-value';
import { insertAttribute, insertBlockAfter, removeNode, replaceYamlScalar, insertYamlKey } from './fix';
import type { FileEdit } from './define-rule';

const TERRAFORM = '/usr/local/bin/terraform';

function apply(text: string, edits: readonly FileEdit[]): string {
  const out = applyEdits(text, edits);
  assert.ok(out !== undefined, 'edits overlap');
  return out;
}

function firstBlock(text: string, path: string[] = []): Block {
  let body = parseHcl(text).file.body;
  let block: Block | undefined;
  for (const name of ['resource', ...path]) {
    block = body.items.find((i): i is Block => i.kind === 'Block' && i.type.name === name);
    assert.ok(block, `no ${name} block`);
    body = block.body;
  }
  return block!;
}

/** terraform fmt must leave the text unchanged (skipped, with a message, when terraform is not installed). */
function assertFmtClean(t: { skip(msg: string): void }, text: string): void {
  if (!existsSync(TERRAFORM)) return t.skip('terraform not installed: fmt check skipped');
  const r = spawnSync(TERRAFORM, ['fmt', '-'], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, text);
}

test('insertAttribute joins the aligned run and re-pads it when the new name is longest', (t) => {
  const src = 'resource "a" "b" {\n  name = "x"\n  sku  = "y"\n\n  nested {\n    z = 1\n  }\n}\n';
  const out = apply(src, insertAttribute({ path: 'm.tf', text: src }, firstBlock(src), 'location = "westeurope"'));
  assert.equal(out, 'resource "a" "b" {\n  name     = "x"\n  sku      = "y"\n  location = "westeurope"\n\n  nested {\n    z = 1\n  }\n}\n');
  assertFmtClean(t, out);
});

test('insertAttribute pads a short name to the run and keeps CRLF', (t) => {
  const src = 'resource "a" "b" {\r\n  location = "x"\r\n}\r\n';
  const out = apply(src, insertAttribute({ path: 'm.tf', text: src }, firstBlock(src), 'sku = "Free"'));
  assert.equal(out, 'resource "a" "b" {\r\n  location = "x"\r\n  sku      = "Free"\r\n}\r\n');
  assertFmtClean(t, out.replace(/\r\n/g, '\n'));
});

test('insertAttribute fills an empty one-line block and a block holding only nested blocks', (t) => {
  const empty = 'resource "a" "b" {\n  identity {}\n}\n';
  const out1 = apply(empty, insertAttribute({ path: 'm.tf', text: empty }, firstBlock(empty, ['identity']), 'type = "SystemAssigned"'));
  assert.equal(out1, 'resource "a" "b" {\n  identity {\n    type = "SystemAssigned"\n  }\n}\n');
  assertFmtClean(t, out1);
  const onlyBlocks = 'resource "a" "b" {\n  x {\n    y = 1\n  }\n}\n';
  const out2 = apply(onlyBlocks, insertAttribute({ path: 'm.tf', text: onlyBlocks }, firstBlock(onlyBlocks), 'name = "n"'));
  assert.equal(out2, 'resource "a" "b" {\n  name = "n"\n\n  x {\n    y = 1\n  }\n}\n');
  assertFmtClean(t, out2);
});

test('insertBlockAfter indents the snippet like the anchor; removeNode takes whole lines', (t) => {
  const src = 'resource "a" "b" {\n  x {\n    y = 1\n  }\n\n  z = 2\n}\n';
  const block = firstBlock(src, ['x']);
  const added = apply(src, [insertBlockAfter({ path: 'm.tf', text: src }, block, 'identity {\n  type = "SystemAssigned"\n}')]);
  assert.equal(added, 'resource "a" "b" {\n  x {\n    y = 1\n  }\n\n  identity {\n    type = "SystemAssigned"\n  }\n\n  z = 2\n}\n');
  assertFmtClean(t, added);
  const removed = apply(src, [removeNode({ path: 'm.tf', text: src }, block)]);
  assert.equal(removed, 'resource "a" "b" {\n\n  z = 2\n}\n');
  assertFmtClean(t, removed);
});

test('YAML helpers keep quote style and mapping indentation', () => {
  const src = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'coredns-custom'\n  namespace: kube-system\ndata:\n  a: \"1\"\n";
  const obj = parseKubernetesFile('cm.yaml', src).objects[0];
  const name = asScalar(obj.nameValue)!;
  const file = { path: 'cm.yaml', text: src };
  assert.equal(apply(src, [replaceYamlScalar(file, name, "it's")!]).split('\n')[3], "  name: 'it''s'");
  const ns = asScalar(obj.namespaceValue)!;
  assert.equal(apply(src, [replaceYamlScalar(file, ns, 'true')!]).split('\n')[4], '  namespace: "true"');
  const data = asMap(getPath(obj.root, 'data'))!;
  const added = apply(src, [insertYamlKey(file, data, 'b.override: |\n  log')!]);
  assert.equal(added, src.replace('a: "1"\n', 'a: "1"\n  b.override: |\n    log\n'));
  assert.equal(parseKubernetesFile('cm.yaml', added).diagnostics.length, 0);
});
