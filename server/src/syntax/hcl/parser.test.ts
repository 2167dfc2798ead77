import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, debugTree, nodeAt, MAX_NESTING } from './index';
import type { Attribute, Block, Template } from './ast';
import { treeProblems } from './tree-invariants';

const dataDir = join(__dirname, 'testdata');
const update = process.env.UPDATE_SNAPSHOTS === '1';

function fixtures(kind: 'ok' | 'err'): { name: string; path: string; text: string }[] {
  return readdirSync(join(dataDir, kind))
    .filter((n) => /\.(tf|hcl)$/.test(n))
    .sort()
    .map((name) => ({ name, path: join(dataDir, kind, name), text: readFileSync(join(dataDir, kind, name), 'utf8') }));
}

for (const kind of ['ok', 'err'] as const) {
  for (const fx of fixtures(kind)) {
    test(`snapshot ${kind}/${fx.name}`, () => {
      const result = parseHcl(fx.text);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (kind === 'ok') assert.deepEqual(errors, [], 'valid fixture must parse without errors');
      else assert.ok(errors.length > 0, 'error fixture must report errors');
      assert.deepEqual(treeProblems(fx.text, result), []);
      const tree = debugTree(result);
      const snap = fx.path + '.tree';
      if (update || !existsSync(snap)) writeFileSync(snap, tree);
      assert.equal(tree, readFileSync(snap, 'utf8'), `snapshot differs; rerun with UPDATE_SNAPSHOTS=1 if intended`);
    });
  }
}

test('every prefix of every fixture parses without throwing and with valid ranges', () => {
  let parsed = 0;
  for (const fx of [...fixtures('ok'), ...fixtures('err')]) {
    for (let n = 0; n <= fx.text.length; n++) {
      const text = fx.text.slice(0, n);
      const problems = treeProblems(text, parseHcl(text));
      assert.deepEqual(problems, [], `${fx.name} prefix of ${n} chars`);
      parsed++;
    }
  }
  assert.ok(parsed > 1000);
});

const DEPTH = 10_000;
const deepInputs: [string, string][] = [
  ['tuples', `a = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\nb = 1\n`],
  ['parens', `a = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)}\nb = 1\n`],
  ['objects', `a = ${'{a='.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\nb = 1\n`],
  ['blocks', `${'a {\n'.repeat(DEPTH)}${'}\n'.repeat(DEPTH)}b = 1\n`],
  ['templates', `a = ${'"${'.repeat(DEPTH)}x${'}"'.repeat(DEPTH)}\nb = 1\n`],
  ['unary', `a = ${'!'.repeat(DEPTH)}x\nb = 1\n`],
  ['conditionals', `a = ${'x ? y : '.repeat(DEPTH)}z\nb = 1\n`],
  ['unclosed tuples', `a = ${'['.repeat(DEPTH)}\nb = 1\n`],
];

for (const [name, text] of deepInputs) {
  test(`${DEPTH.toLocaleString('en')} levels of ${name} do not overflow the stack`, () => {
    const result = parseHcl(text);
    assert.ok(!result.diagnostics.some((d) => d.message.startsWith('Internal parser error')), 'no internal error');
    assert.deepEqual(treeProblems(text, result), []);
    const tooDeep = result.diagnostics.filter((d) => d.message.startsWith('Nesting too deep'));
    if (name === 'unary' || name === 'unclosed tuples') assert.ok(result.diagnostics.length <= 2);
    else assert.equal(tooDeep.length, 1, `one nesting diagnostic, got ${result.diagnostics.map((d) => d.message).join('; ')}`);
    if (name !== 'unclosed tuples') {
      // the attribute after the deep one is still parsed
      const last = result.file.body.items[result.file.body.items.length - 1] as Attribute;
      assert.equal(last.kind, 'Attribute');
      assert.equal(last.name.name, 'b');
      assert.equal(text.slice(last.range.start, last.range.end), 'b = 1');
    }
  });
}

test('nesting within the limit is parsed fully', () => {
  const n = MAX_NESTING - 10;
  const text = `a = ${'['.repeat(n)}${']'.repeat(n)}\n`;
  assert.deepEqual(parseHcl(text).diagnostics, []);
});

function blockRanges(text: string): string[] {
  return parseHcl(text).file.body.items.map((i) => `${i.kind} ${JSON.stringify(text.slice(i.range.start, i.range.end).split('\n')[0])} ${i.range.start}..${i.range.end}`);
}

test('a block missing its } keeps the following blocks at top level with exact ranges', () => {
  const text = readFileSync(join(dataDir, 'err', 'missing-brace.tf'), 'utf8');
  const result = parseHcl(text);
  const items = result.file.body.items as Block[];
  assert.deepEqual(
    items.map((b) => b.labels.map((l) => l.value).join('.')),
    ['azurerm_resource_group.rg', 'azurerm_kubernetes_cluster.aks', 'id'],
  );
  const aks = items[1];
  const aksText = 'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n}';
  assert.equal(aks.range.start, text.indexOf(aksText));
  assert.equal(aks.range.end, text.indexOf(aksText) + aksText.length);
  const outStart = text.indexOf('output');
  assert.deepEqual(items[2].range, { start: outStart, end: text.lastIndexOf('}') + 1 });
  assert.equal(result.diagnostics.length, 1);
  const d = result.diagnostics[0];
  assert.equal(d.message, "Expected '}' to close the block opened at line 1");
  assert.deepEqual(d.related?.[0].range, { start: text.indexOf('{'), end: text.indexOf('{') + 1 });
  assert.equal(items[0].closeBrace, undefined);
});

test('a half-typed attribute does not hide the rest of the block or file', () => {
  const text = readFileSync(join(dataDir, 'err', 'half-attribute.tf'), 'utf8');
  const result = parseHcl(text);
  assert.deepEqual(result.diagnostics.map((d) => d.message), ["Expected an expression after '='"]);
  const [first, second] = result.file.body.items as Block[];
  assert.deepEqual((first.body.items as Attribute[]).map((a) => [a.name.name, a.value.kind]), [
    ['name', 'Invalid'],
    ['other', 'Number'],
  ]);
  const secondText = 'resource "c" "d" {\n  x = 2\n}';
  assert.deepEqual(second.range, { start: text.indexOf(secondText), end: text.indexOf(secondText) + secondText.length });
});

test('broken tokens give clear messages and later lines still parse', () => {
  const text = readFileSync(join(dataDir, 'err', 'bad-tokens.tf'), 'utf8');
  const result = parseHcl(text);
  const messages = result.diagnostics.map((d) => d.message);
  assert.ok(messages.includes("Invalid character '@'"), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('Unterminated string')));
  assert.ok(messages.some((m) => m.startsWith("Expected ']' to close the tuple opened at line 3")));
  assert.ok(messages.includes("Invalid escape sequence '\\q'"));
  assert.ok(messages.some((m) => m.startsWith("Unterminated heredoc: no line with the closing marker 'EOT'")));
  const names = (result.file.body.items as Attribute[]).map((a) => a.name.name);
  assert.deepEqual(names, ['a', 'b', 'c', 'd', 'e']);
});

test('one-line block rules match HCL', () => {
  const text = readFileSync(join(dataDir, 'err', 'one-line.tf'), 'utf8');
  const msgs = parseHcl(text).diagnostics.map((d) => `${d.range.start}: ${d.message}`);
  assert.deepEqual(msgs, [
    '13: Only one argument is allowed in a single-line block',
    "40: The closing '}' of a single-line block must be on the same line",
    '47: A single-line block cannot contain another block',
    '60: Expected a line break after the argument; each argument must be on its own line',
    "The argument 'x' was already set at line 5; each argument may be set only once".replace(/^/, `${text.indexOf('x = 3')}: `),
    `${text.lastIndexOf('}')}: Unexpected '}': there is no open block to close`,
  ]);
});

test('quoted strings and heredocs resolve escapes and <<- indentation', () => {
  const text = readFileSync(join(dataDir, 'ok', 'templates.tf'), 'utf8');
  const attrs = parseHcl(text).file.body.items as Attribute[];
  const lit = (i: number) => (attrs[i].value as Template).parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : `<${p.kind}>`)).join('');
  assert.equal(lit(1), 'esc \n \t " \\ é 😀 ${lit} %{lit}');
  assert.equal(lit(6), 'indented\n  more\n<TemplateInterp>\n');
  assert.equal(lit(7), '');
});

test('ranges are UTF-16 offsets (non-BMP characters count twice) and a BOM belongs to no node', () => {
  const text = '\ufeffa = "😀"\n😀';
  const result = parseHcl(text);
  const attr = result.file.body.items[0] as Attribute;
  assert.deepEqual(attr.range, { start: 1, end: 9 });
  assert.equal(result.file.range.start, 1);
  assert.deepEqual(result.diagnostics.map((d) => [d.range.start, d.range.end]), [[10, 12]]);
});

test('nodeAt finds the deepest node at an offset', () => {
  const text = 'a = { b = var.x.y }\n';
  const node = nodeAt(parseHcl(text).file, text.indexOf('y'));
  assert.equal(node?.kind, 'Identifier');
  assert.equal(nodeAt(parseHcl(text).file, text.indexOf('var'))?.kind, 'Variable');
});

test('parseHcl never throws on arbitrary junk', () => {
  for (const text of ['', '\ufeff', '}}}', '"${', '<<EOT', '%{', 'a = "%{ if }"', '/*', 'a { b { c', '${}', 'a = b[', 'x = [for', '\u0000\uffff\ud800']) {
    assert.deepEqual(treeProblems(text, parseHcl(text)), [], JSON.stringify(text));
  }
});
