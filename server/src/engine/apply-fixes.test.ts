import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { defineRule } from '../rules/kit/define-rule';
import { rule as hclSyntax } from '../rules/syntax/hcl-syntax';
import { fixAll } from './apply-fixes';
import { RuleRunner } from './run';
import { globToRegExp } from './glob';

const rule = (newText: string) =>
  defineRule({
    code: 'AKS-TST-020', name: 'replace-x', title: 't', severity: 'warning', category: 'correctness', scope: 'file', fileKinds: ['terraform'],
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { x: 'x' }, fixable: true,
    *check(ctx) {
      const i = ctx.file.text.indexOf('"x"');
      if (i < 0) return;
      const range = { start: i, end: i + 3 };
      // The second edit touches another file: fixes may span files and are applied whole.
      const edits = [{ file: ctx.file.path, range, newText }, { file: 'log.tf', range: { start: 0, end: 0 }, newText: '# fixed\n' }];
      yield { messageId: 'x', file: ctx.file.path, range, fixes: [{ title: 'fix', edits }] };
    },
  });

const ws = () => Workspace.create([{ path: 'main.tf', text: 'a = "x"\n' }, { path: 'log.tf', text: '' }]);

test('fixAll applies multi-file fixes until stable', () => {
  const result = fixAll(ws(), new RuleRunner([rule('"y"'), hclSyntax]));
  assert.equal(result.workspace.file('main.tf')?.text, 'a = "y"\n');
  assert.equal(result.workspace.file('log.tf')?.text, '# fixed\n');
  assert.deepEqual(result.changed, ['log.tf', 'main.tf']);
  assert.equal(result.applied, 1);
  assert.deepEqual(result.remaining, []);
});

test('a fix that would add a syntax error is undone and its finding remains', () => {
  const result = fixAll(ws(), new RuleRunner([rule('"y'), hclSyntax]));
  assert.equal(result.workspace.file('main.tf')?.text, 'a = "x"\n');
  assert.equal(result.applied, 0);
  assert.deepEqual(result.remaining.map((f) => f.code), ['AKS-TST-020']);
});

test('ignore globs: folder names at any depth, anchored paths, ** and braces', () => {
  assert.ok(globToRegExp('legacy/').test('legacy/a/b.tf'));
  assert.ok(globToRegExp('.terraform').test('x/.terraform/modules/m.tf'));
  assert.ok(!globToRegExp('/legacy').test('x/legacy/a.tf'));
  assert.ok(globToRegExp('envs/**/*.tfvars').test('envs/prod/eu/a.tfvars'));
  assert.ok(globToRegExp('envs/**/*.tfvars').test('envs/a.tfvars'));
  assert.ok(globToRegExp('*.{yml,yaml}').test('k8s/a.yml'));
  assert.ok(!globToRegExp('*.tf').test('main.tfvars'));
});
