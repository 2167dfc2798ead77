import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { EngineAnalyzer } from '../../server/src/lsp/engine-analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol';
import { testRules } from './fixtures/test-rules';
import { defineRule } from '../../server/src/rules/kit/define-rule';

// The analyzer behind the server, in process: roots, configuration and settings, with absolute paths throughout.

const A = join('/ws', 'a');
const B = join('/ws', 'b');
const BAD = 'resource "x" "y" {\n  name = "bad"\n}\n';
const codesIn = (an: EngineAnalyzer, file?: string): string[] => an.analyze(file ? [file] : undefined).map((f) => `${f.file}:${f.code}`);

test('each workspace folder is its own root; findings, fixes and related locations use absolute paths', () => {
  const an = new EngineAnalyzer(testRules);
  an.setFolders([A, B]);
  an.setFile(join(A, 'main.tf'), BAD);
  an.setFile(join(B, 'main.tf'), 'resource "a" "b" {\n  needs = "db"\n}\n');
  an.setFile(join(A, 'db.yaml'), 'provides: db\n'); // in another root: does not satisfy B's need
  assert.deepEqual(codesIn(an).sort(), [`${join(A, 'main.tf')}:AKS-TST-001`, `${join(B, 'main.tf')}:AKS-TST-002`]);
  const [f] = an.analyze([join(A, 'main.tf')]);
  assert.equal(f.fixes?.[0].edits[0].file, join(A, 'main.tf'));
  an.setFile(join(B, 'db.yml'), 'provides: db\n');
  assert.deepEqual(codesIn(an), [`${join(A, 'main.tf')}:AKS-TST-001`]);
  an.deleteFile(join(B, 'db.yml'));
  assert.deepEqual(codesIn(an, join(B, 'main.tf')), [`${join(B, 'main.tf')}:AKS-TST-002`]);
});

test('a root .aks-lint.yaml and the rules setting change severities without losing the snapshot', () => {
  const an = new EngineAnalyzer(testRules);
  an.setFolders([A]);
  an.setFile(join(A, 'main.tf'), BAD);
  assert.equal(an.analyze()[0].severity, 'warning');
  an.setFile(join(A, '.aks-lint.yaml'), 'rules:\n  test-bad-name: error\n');
  assert.equal(an.analyze()[0].severity, 'error');
  an.configure({ ...DEFAULT_SETTINGS, rules: { 'AKS-TST-001': 'off' } }, undefined);
  assert.deepEqual(an.analyze(), []);
  an.configure(DEFAULT_SETTINGS, { file: join('/elsewhere', 'team.yaml'), text: 'rules:\n  AKS-TST-001: info\n' });
  assert.equal(an.analyze()[0].severity, 'info');
});

test('a file outside every folder is analysed in a root at its own directory', () => {
  const an = new EngineAnalyzer(testRules);
  an.setFolders([A]);
  an.setFile(join('/tmp', 'loose', 'x.tf'), BAD);
  assert.deepEqual(codesIn(an), [`${join('/tmp', 'loose', 'x.tf')}:AKS-TST-001`]);
  assert.equal(an.ruleInfo('AKS-TST-001')?.title, 'Names are not "bad"');
  assert.equal(an.ruleInfo('AKS-INT-001')?.name, 'internal-error');
});

test("an edit elsewhere hands out the other files' findings as the same absolute copies, the edited file's anew", () => {
  const an = new EngineAnalyzer(testRules);
  an.setFolders([A]);
  an.setFile(join(A, 'main.tf'), BAD);
  an.setFile(join(A, 'other.tf'), BAD);
  const byFile = (list: readonly { file: string }[]) => new Map(list.map((f) => [f.file, f]));
  const first = byFile(an.analyze());
  an.setFile(join(A, 'other.tf'), `# edited\n${BAD}`);
  const second = byFile(an.analyze());
  assert.equal(second.get(join(A, 'main.tf')), first.get(join(A, 'main.tf')), 'main.tf did not change: its finding is not copied again');
  assert.notEqual(second.get(join(A, 'other.tf')), first.get(join(A, 'other.tf')));
  assert.equal(second.get(join(A, 'other.tf'))?.file, join(A, 'other.tf'));
});

test('fixes are worked out when read, over the snapshot analysed; fix code that throws is logged and offers none', () => {
  const logged: string[] = [];
  let runs = 0;
  const throwing = defineRule({
    code: 'AKS-TST-009', name: 'test-throwing-fix', title: 't', severity: 'warning', category: 'correctness', scope: 'file',
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { m: 'm' }, fixable: true,
    *check(ctx) {
      yield { messageId: 'm', file: ctx.file.path, range: { start: 0, end: 1 }, fixes: () => { runs++; throw new Error('no fix today'); } };
    },
  });
  const an = new EngineAnalyzer([...testRules, throwing], (m) => logged.push(m));
  an.setFolders([A]);
  an.setFile(join(A, 'main.tf'), BAD);
  const findings = an.analyze();
  assert.equal(runs, 0, 'analysing runs no fix code');
  const bad = findings.find((f) => f.code === 'AKS-TST-001')!;
  assert.deepEqual(bad.fixes?.map((f) => f.edits[0].file), [join(A, 'main.tf')]);
  const broken = findings.find((f) => f.code === 'AKS-TST-009')!;
  assert.deepEqual(broken.fixes, []);
  assert.deepEqual(broken.fixes, [], 'worked out once per snapshot');
  assert.equal(runs, 1);
  assert.match(logged.join('\n'), /AKS-TST-009.*no fix today/);
});
