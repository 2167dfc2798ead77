import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { rules } from '../rules/index';
import { defineRule, type CheckContext, type Report } from '../rules/kit/define-rule';
import { exampleFiles } from './examples-fixture';
import { RuleRunner } from './run';
import { literalAttributes, messages, valueEditStep } from './value-edit-fixture';

// Reports kept over value edits (kept-reports.ts) must be exactly what running every check again gives: the same
// findings at the shifted ranges, and the same fixes when they are asked for.

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

test('after value edits of literal attributes the runner reports and fixes what a fresh runner does', () => {
  const next = random(5);
  const runner = new RuleRunner(rules, { lazyFixes: true });
  let ws = Workspace.create(exampleFiles());
  let findings = runner.run(ws);
  const tf = ws.files.filter((f) => f.path.endsWith('.tf')).map((f) => f.path);
  let changed = 0;
  for (let step = 0; step < 120; step++) {
    const path = tf[Math.floor(next() * tf.length)];
    const candidates = literalAttributes(ws, path);
    if (candidates.length === 0) continue;
    const before = findings;
    const made = valueEditStep(runner, ws, path, candidates[Math.floor(next() * candidates.length)], next, step % 2 === 0);
    ({ ws, findings } = made);
    assert.equal(made.actual, made.expected, `step ${step}: ${made.label}`);
    if (messages(before) !== messages(findings)) changed++;
  }
  const kept = [...runner.kept.values()].reduce((a, b) => a + b, 0);
  // meaningful only if reports were kept and edits moved findings
  assert.ok(kept > 500 && changed >= 5, `${kept} units kept, ${changed} edits changed the findings`);
});

function probe(code: string, check: (ctx: CheckContext) => Iterable<Report>, fixable = false) {
  return defineRule({
    code, name: code.toLowerCase(), title: code, severity: 'warning', category: 'correctness',
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { m: '{what}' }, fixable, check,
  });
}

test('a value edit re-runs the checks that read that attribute name or the edited text, and keeps the others', () => {
  const reads = (name: string, code: string) => probe(code, function* (ctx) {
    for (const r of ctx.terraform().resourcesOfType('azurerm_subnet')) {
      const a = r.attribute(name);
      if (a) yield { messageId: 'm', data: { what: JSON.stringify(a.value) }, file: r.file, range: r.range };
    }
  });
  const text = probe('AKS-TST-900', function* (ctx) {
    for (const f of ctx.files('terraform')) yield { messageId: 'm', data: { what: String(f.text.length) }, file: f.path, range: { start: 0, end: 1 } };
  });
  const [byName, byOther] = [reads('name', 'AKS-TST-901'), reads('address_prefixes', 'AKS-TST-902')];
  const runner = new RuleRunner([byName, byOther, text], { lazyFixes: true });
  const before = 'resource "azurerm_subnet" "s" {\n  name             = "a"\n  address_prefixes = ["10.0.0.0/24"]\n}\n';
  let ws = Workspace.create([{ path: 'main.tf', text: before }]);
  runner.run(ws);
  ws = ws.withFile('main.tf', before.replace('"a"', '"ab"'));
  const findings = runner.run(ws);
  assert.deepEqual(Object.fromEntries(runner.invocations), { [byName.code]: 2, [byOther.code]: 1, [text.code]: 2 });
  assert.deepEqual(Object.fromEntries(runner.kept), { [byOther.code]: 1 });
  // the kept report covers the whole block: its end moved with the longer value
  const kept = findings.find((f) => f.code === byOther.code)!;
  assert.deepEqual(kept.range, { start: 0, end: ws.file('main.tf')!.text.length - 1 });
});

test('the fixes of many kept reports come from one more run of the check, at the shifted offsets', () => {
  let runs = 0;
  const named = probe('AKS-TST-903', function* (ctx) {
    runs++;
    for (const r of ctx.terraform().resourcesOfType('azurerm_subnet')) {
      const range = r.nameRange;
      yield { messageId: 'm', data: { what: r.name }, file: r.file, range, fixes: () => [{ title: 'rename', edits: [{ file: r.file, range, newText: '"x"' }] }] };
    }
  }, true);
  const block = (i: number) => `resource "azurerm_subnet" "s${i}" {\n  name = "n${i}"\n}\n`;
  const text = [0, 1, 2, 3].map(block).join('\n');
  const runner = new RuleRunner([named], { lazyFixes: true });
  let ws = Workspace.create([{ path: 'main.tf', text }]);
  runner.run(ws);
  ws = ws.withFile('main.tf', text.replace('"n0"', '"n00"'));
  const findings = runner.run(ws);
  assert.equal(runs, 1, 'kept, not run');
  const fixes = findings.map((f) => f.fixesIn!(ws));
  assert.equal(runs, 2, 'one run for all four');
  const fresh = new RuleRunner([named], { lazyFixes: true }).run(ws).map((f) => f.fixesIn!(ws));
  assert.deepEqual(fixes, fresh);
  // the last subnet's label moved by the longer value before it
  assert.equal(ws.file('main.tf')!.text.slice(fixes[3][0].edits[0].range.start, fixes[3][0].edits[0].range.end), '"s3"');
});

test('reports a value edit did not move are handed out as the same findings, fixes still worked out anew', () => {
  const named = probe('AKS-TST-904', function* (ctx) {
    for (const r of ctx.terraform().resourcesOfType('azurerm_subnet')) {
      const range = r.nameRange;
      yield { messageId: 'm', data: { what: r.name }, file: r.file, range, fixes: () => [{ title: 'rename', edits: [{ file: r.file, range, newText: '"x"' }] }] };
    }
  }, true);
  const text = 'resource "azurerm_subnet" "s" {\n  name = "n1"\n}\n';
  const runner = new RuleRunner([named], { lazyFixes: true });
  let ws = Workspace.create([{ path: 'main.tf', text }]);
  runner.run(ws);
  ws = ws.withFile('main.tf', text.replace('"n1"', '"n2"'));
  const once = runner.run(ws); // kept: its fixes now run the check again
  ws = ws.withFile('main.tf', text.replace('"n1"', '"n3"'));
  const twice = runner.run(ws);
  assert.equal(twice[0], once[0], 'nothing moved: the same finding');
  assert.deepEqual(twice[0].fixesIn!(ws), new RuleRunner([named], { lazyFixes: true }).run(ws)[0].fixesIn!(ws));
  assert.deepEqual(Object.fromEntries(runner.invocations), { [named.code]: 1 });
});
