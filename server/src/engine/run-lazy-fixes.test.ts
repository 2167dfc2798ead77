import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { defineRule, type FileCheckContext, type Fix, type Report } from '../rules/kit/define-rule';
import { rules } from '../rules/index';
import { exampleFiles } from './examples-fixture';
import { RuleRunner } from './run';

// Lazy fixes (RunnerOptions.lazyFixes, what the language server uses): findings carry fixesIn instead of fixes, the
// rules' fix code runs only when asked, over the snapshot asked about, and gives what an eager runner gives.

/** A file rule for these tests, with one message id `m`. */
function testRule(code: string, name: string, fixable: boolean, check: (ctx: FileCheckContext) => Iterable<Report<'m'>>) {
  return defineRule({
    code, name, title: 't', severity: 'warning', category: 'correctness', scope: 'file', fileKinds: ['terraform'],
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { m: 'flag' }, fixable, check,
  });
}

let fixRuns = 0;
/** In a.tf, reports `flag` with a fix that reads b.tf (which the check never reads) to name its replacement. */
const readsOtherFile = testRule('AKS-TST-001', 'reads-other-file', true, function* (ctx) {
  const at = ctx.file.text.indexOf('flag');
  if (ctx.file.path !== 'a.tf' || at < 0) return;
  const range = { start: at, end: at + 4 };
  yield {
    messageId: 'm', file: ctx.file.path, range,
    fixes: (c): Fix[] => {
      fixRuns++;
      const word = c.getFile('b.tf')?.text.trim() ?? 'none';
      if (word === 'throw') throw new Error('fix failed');
      return [{ title: `Use ${word}`, edits: [{ file: 'a.tf', range, newText: word }] }];
    },
  };
});

const ws = (b: string) => Workspace.create([{ path: 'a.tf', text: 'x = flag\n' }, { path: 'b.tf', text: `${b}\n` }]);

test('the fixes of every example finding are the same worked out lazily as at once', () => {
  const snapshot = Workspace.create(exampleFiles());
  const eager = new RuleRunner(rules).run(snapshot);
  const lazy = new RuleRunner(rules, { lazyFixes: true }).run(snapshot);
  assert.ok(eager.some((f) => f.fixes?.length), 'examples/ has fixable findings');
  assert.ok(lazy.some((f) => f.fixesIn), 'some rules give their fixes lazily');
  assert.equal(lazy.length, eager.length);
  lazy.forEach((f, i) => {
    assert.ok(!(f.fixes && f.fixesIn), 'a finding has fixes or fixesIn, not both');
    assert.deepEqual(f.fixesIn ? f.fixesIn(snapshot) : (f.fixes ?? []), eager[i].fixes ?? [], `${f.code} at ${f.file}:${f.range.start}`);
  });
});

test('a lazy runner runs no fix code; a fix is worked out over the snapshot asked about', () => {
  const runner = new RuleRunner([readsOtherFile], { lazyFixes: true });
  fixRuns = 0;
  const first = ws('one');
  const [finding] = runner.run(first);
  assert.equal(fixRuns, 0);
  assert.equal(finding.fixes, undefined);
  assert.equal(finding.fixesIn!(first)[0].title, 'Use one');
  const second = first.withFile('b.tf', 'two\n');
  runner.invocations.clear();
  const [again] = runner.run(second);
  assert.deepEqual(Object.fromEntries(runner.invocations), { 'AKS-TST-001': 1 }, 'b.tf is checked; a.tf, whose check read only a.tf, is not');
  assert.equal(again, finding, 'the a.tf finding is handed out again');
  assert.equal(again.fixesIn!(second)[0].title, 'Use two', 'the fix reads the current b.tf');
});

test('fix code that throws: an internal error at once, a throw from fixesIn lazily', () => {
  const snapshot = ws('throw');
  const eager = new RuleRunner([readsOtherFile]).run(snapshot);
  assert.deepEqual(eager.map((f) => f.code), ['AKS-INT-001']);
  const [lazy] = new RuleRunner([readsOtherFile], { lazyFixes: true }).run(snapshot);
  assert.equal(lazy.code, 'AKS-TST-001');
  assert.throws(() => lazy.fixesIn!(snapshot), /fix failed/);
});

test('lazy fixes are checked like eager ones: edits outside the text throw, a gone file gives none', () => {
  const outside = testRule('AKS-TST-002', 'outside', true, function* (ctx) {
    yield { messageId: 'm', file: ctx.file.path, range: { start: 0, end: 1 }, fixes: () => [{ title: 'f', edits: [{ file: ctx.file.path, range: { start: 0, end: 999 }, newText: '' }] }] };
  });
  const snapshot = Workspace.create([{ path: 'a.tf', text: 'x = 1\n' }]);
  assert.deepEqual(new RuleRunner([outside]).run(snapshot).map((f) => f.code), ['AKS-INT-001']);
  const [lazy] = new RuleRunner([outside], { lazyFixes: true }).run(snapshot);
  assert.throws(() => lazy.fixesIn!(snapshot), /edits outside the workspace text/);
  assert.deepEqual(lazy.fixesIn!(snapshot.withoutFile('a.tf')), []);
});

test('a rule not declared fixable may not give lazy fixes either', () => {
  const undeclared = testRule('AKS-TST-003', 'undeclared', false, function* (ctx) {
    yield { messageId: 'm', file: ctx.file.path, range: { start: 0, end: 1 }, fixes: () => [] };
  });
  const snapshot = Workspace.create([{ path: 'a.tf', text: 'x = 1\n' }]);
  assert.deepEqual(new RuleRunner([undeclared], { lazyFixes: true }).run(snapshot).map((f) => f.code), ['AKS-INT-001']);
});
