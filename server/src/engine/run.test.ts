import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { defineRule } from '../rules/kit/define-rule';
import { rule as hclSyntax } from '../rules/syntax/hcl-syntax';
import { rule as yamlSyntax } from '../rules/syntax/yaml-syntax';
import { RuleRunner, runRules } from './run';

// Rules used only here: one per dependency shape, so invocation counts show what the cache re-runs.
const perTfFile = defineRule({
  code: 'AKS-TST-001', name: 'per-tf-file', title: 't', severity: 'warning', category: 'correctness', scope: 'file',
  fileKinds: ['terraform'], docs: { summary: 's', rationale: 'r', links: [] }, messages: { seen: 'file {path}' }, fixable: false,
  *check(ctx) {
    if (ctx.file.text.includes('flag')) yield { messageId: 'seen', data: { path: ctx.file.path }, file: ctx.file.path, range: { start: 0, end: 4 } };
  },
});
const allYaml = defineRule({
  code: 'AKS-TST-002', name: 'all-yaml', title: 't', severity: 'info', category: 'correctness',
  docs: { summary: 's', rationale: 'r', links: [] }, messages: { count: '{n} objects' }, fixable: false,
  *check(ctx) {
    const objects = ctx.k8sObjects();
    if (objects.length) yield { messageId: 'count', data: { n: objects.length }, file: objects[0].source.file, range: { start: 0, end: 1 } };
  },
});
const crashing = defineRule({
  code: 'AKS-TST-003', name: 'crashing', title: 't', severity: 'error', category: 'correctness',
  docs: { summary: 's', rationale: 'r', links: [] }, messages: { never: 'x' }, fixable: false,
  *check(ctx) {
    if (ctx.files('terraform').length > 0) throw new TypeError('boom');
  },
});
const dishonest = defineRule({
  code: 'AKS-TST-004', name: 'dishonest', title: 't', severity: 'error', category: 'correctness', scope: 'file', fileKinds: ['terraform'],
  docs: { summary: 's', rationale: 'r', links: [] }, messages: { m: 'm' }, fixable: false,
  *check(ctx) {
    yield { messageId: 'm', file: ctx.file.path, range: { start: 0, end: 1 }, fixes: [{ title: 'f', edits: [] }] };
  },
});

const base = () =>
  Workspace.create([
    { path: 'a.tf', text: 'flag = 1\n' },
    { path: 'b.tf', text: 'x = 1\n' },
    { path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' },
  ]);

test('changing one file re-runs only the rules and files whose inputs changed', () => {
  const runner = new RuleRunner([perTfFile, allYaml, hclSyntax, yamlSyntax]);
  const ws = base();
  assert.equal(runner.run(ws).length, 2);
  assert.deepEqual(Object.fromEntries(runner.invocations), { 'AKS-TST-001': 2, 'AKS-TST-002': 1, 'AKS-SYN-001': 2, 'AKS-SYN-002': 1 });
  runner.invocations.clear();
  runner.run(ws);
  assert.deepEqual(Object.fromEntries(runner.invocations), {}, 'nothing changed, nothing re-run');
  const tfEdit = ws.withFile('b.tf', 'flag = 2\n');
  const findings = runner.run(tfEdit);
  assert.deepEqual(Object.fromEntries(runner.invocations), { 'AKS-TST-001': 1, 'AKS-SYN-001': 1 }, 'only b.tf file rules');
  assert.deepEqual(findings.filter((f) => f.code === 'AKS-TST-001').map((f) => f.message), ['file a.tf', 'file b.tf']);
  runner.invocations.clear();
  runner.run(tfEdit.withFile('k8s/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n'));
  assert.deepEqual(Object.fromEntries(runner.invocations), { 'AKS-TST-002': 1, 'AKS-SYN-002': 1 }, 'the YAML-reading rules only');
});

test('a throwing rule becomes one AKS-INT-001 finding and the other rules still report', () => {
  const findings = new RuleRunner([crashing, perTfFile]).run(base());
  const internal = findings.filter((f) => f.code === 'AKS-INT-001');
  assert.equal(internal.length, 1);
  assert.equal(internal[0].name, 'internal-error');
  assert.match(internal[0].message, /AKS-TST-003 \(crashing\) failed: TypeError: boom/);
  assert.equal(findings.filter((f) => f.code === 'AKS-TST-001').length, 1);
});

test('fixes from a rule not declared fixable are the rule bug they are', () => {
  const findings = new RuleRunner([dishonest]).run(base());
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.code === 'AKS-INT-001' && /not declared fixable/.test(f.message)));
});

test('severity comes from the rule, then .aks-lint.yaml, then caller overrides; off skips the rule', () => {
  const withConfig = base().withConfig({ file: '.aks-lint.yaml', text: 'rules:\n  per-tf-file: error\n  AKS-TST-002: off\n' });
  const runner = new RuleRunner([perTfFile, allYaml]);
  assert.deepEqual(runner.run(base()).map((f) => `${f.code}:${f.severity}`), ['AKS-TST-001:warning', 'AKS-TST-002:info']);
  assert.deepEqual(runner.run(withConfig).map((f) => `${f.code}:${f.severity}`), ['AKS-TST-001:error']);
  assert.deepEqual(runner.run(withConfig, { rules: { 'aks-tst-001': 'info' } }).map((f) => `${f.code}:${f.severity}`), ['AKS-TST-001:info']);
});

test('suppression comments and ignore globs hide findings; the files option restricts them', () => {
  const ws = Workspace.create([
    { path: 'a.tf', text: '# aks-lint-ignore hcl-syntax -- known\nx = \ny = \nz = # aks-lint-ignore AKS-SYN-001\n' },
    { path: 'b.tf', text: '// aks-lint-ignore-file hcl-syntax\n\nw = \n' },
    { path: 'legacy/c.tf', text: 'v = \n' },
  ]);
  assert.deepEqual(runRules(ws).map((f) => `${f.file}:${ws.lineIndex(f.file)!.positionAt(f.range.start).line}`), ['a.tf:2', 'legacy/c.tf:0']);
  const ignoring = ws.withConfig({ file: '.aks-lint.yaml', text: 'ignore:\n  - legacy/\n' });
  assert.deepEqual(runRules(ignoring).map((f) => f.file), ['a.tf']);
  assert.deepEqual(runRules(ws, {}, { files: ['legacy/c.tf'] }).map((f) => f.file), ['legacy/c.tf']);
});

test('a suppression for another rule, or a # inside a string, suppresses nothing', () => {
  const ws = Workspace.create([{ path: 'a.tf', text: 'a = "# aks-lint-ignore hcl-syntax"\nx = # aks-lint-ignore yaml-syntax\n' }]);
  assert.equal(runRules(ws).length, 1);
});

test('a rule reading the Terraform model re-runs on .tf/.tfvars/config changes, not on YAML changes', () => {
  const rgNames = defineRule({
    code: 'AKS-TST-005', name: 'rg-names', title: 't', severity: 'info', category: 'correctness',
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { rg: 'rg {name}' }, fixable: false,
    *check(ctx) {
      for (const r of ctx.terraform().resourcesOfType('azurerm_resource_group')) {
        const name = r.attribute('name');
        yield { messageId: 'rg', data: { name: name?.value.kind === 'string' ? name.value.value : '?' }, file: r.file, range: r.node.type.range };
      }
    },
  });
  const runner = new RuleRunner([rgNames]);
  const ws = Workspace.create([
    { path: 'main.tf', text: 'variable "n" {}\nresource "azurerm_resource_group" "rg" {\n  name = var.n\n}\n' },
    { path: 'terraform.tfvars', text: 'n = "one"\n' },
    { path: 'k8s/a.yaml', text: 'a: 1\n' },
  ]);
  assert.deepEqual(runner.run(ws).map((f) => f.message), ['rg one']);
  runner.run(ws.withFile('k8s/a.yaml', 'a: 2\n'));
  assert.equal(runner.invocations.get('AKS-TST-005'), 1, 'YAML edit: cached');
  assert.deepEqual(runner.run(ws.withFile('terraform.tfvars', 'n = "two"\n')).map((f) => f.message), ['rg two']);
  assert.equal(runner.invocations.get('AKS-TST-005'), 2);
});

test('a file rule reading only its module re-runs for files of the edited module closure only', () => {
  const perModule = defineRule({
    code: 'AKS-TST-006', name: 'per-module', title: 't', severity: 'info', category: 'correctness', scope: 'file', fileKinds: ['terraform'],
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { n: '{n} resources' }, fixable: false,
    *check(ctx) {
      const m = ctx.terraformModuleOf(ctx.file.path);
      // the module's resources and its children's: a caller's result depends on the callee's files
      const n = m ? m.resources.length + m.moduleCalls.reduce((sum, c) => sum + (c.child?.resources.length ?? 0), 0) : 0;
      if (m) yield { messageId: 'n', data: { n }, file: ctx.file.path, range: { start: 0, end: 0 } };
    },
  });
  const runner = new RuleRunner([perModule]);
  const ws = Workspace.create([
    { path: 'a/main.tf', text: 'module "c" {\n  source = "../c"\n}\n' },
    { path: 'b/main.tf', text: 'resource "x" "y" {}\n' },
    { path: 'c/main.tf', text: 'resource "x" "z" {}\n' },
  ]);
  assert.equal(runner.run(ws).length, 3);
  runner.invocations.clear();
  runner.run(ws.withFile('c/main.tf', 'resource "x" "z" {}\nresource "x" "w" {}\n'));
  assert.equal(runner.invocations.get('AKS-TST-006'), 2, 'c and its caller a, not b');
  // An editor first re-analyses the edited file alone, then the whole workspace: the second run must still
  // re-check the other files of the edited module group (a/main.tf), which the first run left out.
  const edited = ws.withFile('c/main.tf', 'resource "x" "z" {}\nresource "x" "w" {}\nresource "x" "v" {}\n');
  runner.run(edited, {}, { files: ['c/main.tf'] });
  const messages = runner.run(edited).map((f) => `${f.file} ${f.message}`);
  assert.deepEqual(messages, ['a/main.tf 3 resources', 'b/main.tf 1 resources', 'c/main.tf 3 resources']);
  assert.equal(runner.run(ws).length, 3, 'and back');
});

test('results stay cached when a later check makes the Terraform model read another file by path', () => {
  const rgCount = defineRule({
    code: 'AKS-TST-007', name: 'rg-count', title: 't', severity: 'info', category: 'correctness',
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { n: '{n}' }, fixable: false,
    *check(ctx) {
      yield { messageId: 'n', data: { n: ctx.terraform().resourcesOfType('azurerm_resource_group').length }, file: 'main.tf', range: { start: 0, end: 0 } };
    },
  });
  // evaluates file(), which the model reads lazily: the read is recorded after rgCount's results were stored
  const fileValue = defineRule({
    code: 'AKS-TST-008', name: 'file-value', title: 't', severity: 'info', category: 'correctness',
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { v: '{v}' }, fixable: false,
    *check(ctx) {
      const m = ctx.terraform().module('.')!;
      const v = m.localValue('t');
      yield { messageId: 'v', data: { v: v.kind === 'string' ? v.value : v.kind }, file: 'main.tf', range: { start: 0, end: 0 } };
    },
  });
  const runner = new RuleRunner([rgCount, fileValue]);
  const ws = Workspace.create([
    { path: 'main.tf', text: 'locals {\n  t = file("t.txt")\n}\nresource "azurerm_resource_group" "rg" {}\n' },
    { path: 't.txt', text: 'one' },
    { path: 'k8s/a.yaml', text: 'a: 1\n' },
  ]);
  assert.deepEqual(runner.run(ws).map((f) => f.message), ['1', 'one']);
  runner.run(ws.withFile('k8s/a.yaml', 'a: 2\n'));
  assert.equal(runner.invocations.get('AKS-TST-007'), 1, 'YAML edit: the count stays cached');
  assert.equal(runner.invocations.get('AKS-TST-008'), 1, 'YAML edit: the file() value stays cached');
  assert.deepEqual(runner.run(ws.withFile('t.txt', 'two')).map((f) => f.message), ['1', 'two'], 'the read file changed');
});
