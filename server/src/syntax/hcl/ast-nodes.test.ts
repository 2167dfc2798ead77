import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from './parser';
import type { Attribute, Binary, Block, Call, ObjectCons, Template } from './ast';

// Nodes hold offsets as own fields and make their ranges on read (ast.ts): the ranges must be plain values, equal to
// the offsets, safe to keep and serialise; and deep equality of two trees must still see every offset.

const TEXT = 'a = x >= 1\nb "l" {\n  c = f(1, { k : 2 })\n}\nh = <<EOT\nhi\nEOT\n';

function parts(): { a: Attribute; b: Block; call: Call; heredoc: Template } {
  const items = parseHcl(TEXT).file.body.items;
  const b = items[1] as Block;
  return { a: items[0] as Attribute, b, call: (b.body.items[0] as Attribute).value as Call, heredoc: (items[2] as Attribute).value as Template };
}

test('a range read is a new plain {start, end} equal to the offsets, safe to keep and to serialise', () => {
  const { a } = parts();
  const r = a.range;
  assert.deepEqual(r, { start: 0, end: 10 });
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(JSON.stringify({ range: r }), '{"range":{"start":0,"end":10}}');
  assert.notEqual(a.range, r, 'each read makes its own object');
  (r as { start: number }).start = 99;
  assert.equal(a.range.start, 0, 'changing a kept range does not change the node');
  assert.equal(a.start, 0);
  assert.equal(a.end, 10);
});

test('token sub-ranges are rebuilt from their offsets with the token length', () => {
  const { a, b, call } = parts();
  const at = (s: string, from = 0): number => TEXT.indexOf(s, from);
  assert.deepEqual(a.equals, { start: 2, end: 3 });
  assert.deepEqual((a.value as Binary).opRange, { start: at('>='), end: at('>=') + 2 });
  assert.deepEqual(b.openBrace, { start: at('{'), end: at('{') + 1 });
  assert.deepEqual(b.closeBrace, { start: at('\n}') + 1, end: at('\n}') + 2 });
  assert.deepEqual(call.openParen, { start: at('('), end: at('(') + 1 });
  assert.deepEqual(call.closeParen, { start: at(')'), end: at(')') + 1 });
  assert.deepEqual((call.args[1] as ObjectCons).items[0].separator, { start: at(' : ') + 1, end: at(' : ') + 2 });
});

test('missing braces and parentheses read as undefined', () => {
  const block = parseHcl('b "l"\n').file.body.items[0] as Block;
  assert.equal(block.openBrace, undefined);
  assert.equal(block.closeBrace, undefined);
  const open = parseHcl('b {\n  c = 1\n').file.body.items[0] as Block;
  assert.ok(open.openBrace);
  assert.equal(open.closeBrace, undefined);
  const call = (parseHcl('a = f(1\n').file.body.items[0] as Attribute).value as Call;
  assert.equal(call.closeParen, undefined);
});

test('kinds read from the nodes as the contract says; only heredocs carry heredoc details', () => {
  const { a, b, call, heredoc } = parts();
  assert.deepEqual([a.kind, b.kind, b.body.kind, call.kind, call.name.kind, heredoc.kind], ['Attribute', 'Block', 'Body', 'Call', 'Identifier', 'Template']);
  assert.deepEqual(heredoc.heredoc, { marker: 'EOT', indented: false });
  const quoted = (parseHcl('a = "s"\n').file.body.items[0] as Attribute).value as Template;
  assert.equal(quoted.heredoc, undefined);
});

test('deep equality of two parses sees a moved offset, a moved token and a different kind', () => {
  const base = parseHcl('a = 1\n');
  assert.deepEqual(parseHcl('a = 1\n'), base);
  // only the value moves: the attribute's start and the `=` stay where they were
  assert.notDeepStrictEqual(parseHcl('a =  1\n').file.body.items[0], base.file.body.items[0]);
  // only the `=` moves: the attribute, its name and its value keep their offsets
  const eq1 = parseHcl('ab= 1\n').file.body.items[0] as Attribute;
  const eq2 = parseHcl('ab =1\n').file.body.items[0] as Attribute;
  assert.deepEqual([eq1.range, eq1.name, eq1.value], [eq2.range, eq2.name, eq2.value]);
  assert.notDeepStrictEqual(eq1, eq2);
  // same offsets, different kind: the prototype differs
  const num = (parseHcl('a = 1\n').file.body.items[0] as Attribute).value;
  const ref = (parseHcl('a = x\n').file.body.items[0] as Attribute).value;
  assert.deepEqual([num.start, num.end], [ref.start, ref.end]);
  assert.notDeepStrictEqual(num, ref);
});
