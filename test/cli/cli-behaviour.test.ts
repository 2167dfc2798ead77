import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineRule } from '../../server/src/rules/kit/define-rule';
import { rule as hclSyntax } from '../../server/src/rules/syntax/hcl-syntax';
import { rule as yamlSyntax } from '../../server/src/rules/syntax/yaml-syntax';
import { cli, tempWorkspace } from './cli-harness';

// The syntax rules only, so other rule packs landing cannot change these counts; goldens cover the full registry.
const registry = [hclSyntax, yamlSyntax];
const syntaxError = { 'main.tf': 'resource "a" "b" {\n  name = \n}\n' };
const clean = { 'main.tf': 'resource "a" "b" {\n  name = "x"\n}\n' };

test('exit codes follow --fail-on', () => {
  assert.equal(cli(['.'], { cwd: tempWorkspace(clean), rules: registry }).code, 0);
  const dir = tempWorkspace(syntaxError);
  assert.equal(cli(['.'], { cwd: dir, rules: registry }).code, 1);
  assert.equal(cli(['.', '--fail-on', 'never'], { cwd: dir, rules: registry }).code, 0);
  assert.equal(cli(['.', '--rule', 'hcl-syntax=warning'], { cwd: dir, rules: registry }).code, 0, 'a warning does not fail at --fail-on error');
  assert.equal(cli(['.', '--rule', 'AKS-SYN-001=warning', '--fail-on', 'warning'], { cwd: dir, rules: registry }).code, 1);
  assert.equal(cli(['.', '--rule', 'hcl-syntax=off'], { cwd: dir, rules: registry }).stdout, 'No problems found in 1 file.\n');
});

test('usage errors exit 2 with a clear message', () => {
  const cases: [string[], RegExp][] = [
    [['--bogus'], /unknown option "--bogus"/],
    [['--format', 'xml'], /--format must be one of text, json, sarif \(got "xml"\)/],
    [['--fail-on'], /--fail-on needs a value/],
    [['--rule', 'nope=error'], /--rule: unknown rule "nope"/],
    [['--rule', 'hcl-syntax=loud'], /--rule expects CODE\|NAME=off\|info\|warning\|error/],
    [['does-not-exist'], /no such file or folder: does-not-exist/],
    [['--fix', '--fix-dry-run'], /cannot be combined/],
    [['--var-file', 'env/missing.tfvars'], /var file not found: env\/missing\.tfvars/],
  ];
  const dir = tempWorkspace(clean);
  for (const [args, message] of cases) {
    const r = cli(args, { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  assert.match(cli(['--help']).stdout, /^Usage: aks-lint/);
  assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('an invalid .aks-lint.yaml is a usage error pointing at the bad key; a valid one applies', () => {
  const bad = tempWorkspace({ ...syntaxError, '.aks-lint.yaml': 'rules:\n  hcl-syntax: off\n  no-such-rule: error\nignored: []\n' });
  const r = cli(['.'], { cwd: bad, rules: registry });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.aks-lint\.yaml:3:3: rules: unknown rule "no-such-rule"/);
  assert.match(r.stderr, /\.aks-lint\.yaml:4:1: unknown key "ignored"/);
  const good = tempWorkspace({ ...syntaxError, 'sub/x.tf': 'y = \n', '.aks-lint.yaml': 'rules:\n  hcl-syntax: warning\nignore:\n  - sub/\n' });
  const out = JSON.parse(cli(['sub', '.', '--format', 'json'], { cwd: good, rules: registry }).stdout);
  assert.deepEqual(out.findings.map((f: { file: string; severity: string }) => `${f.file}:${f.severity}`), ['main.tf:warning']);
});

test('suppression comments silence findings in CLI runs', () => {
  const dir = tempWorkspace({ 'main.tf': 'resource "a" "b" {\n  # aks-lint-ignore hcl-syntax -- fixed upstream\n  name = \n}\n' });
  assert.equal(cli(['.'], { cwd: dir, rules: registry }).code, 0);
});

test('a throwing rule is one AKS-INT-001 finding and the other rules still report', () => {
  const boom = defineRule({
    code: 'AKS-TST-009', name: 'boom', title: 't', severity: 'error', category: 'correctness',
    docs: { summary: 's', rationale: 'r', links: [] }, messages: { m: 'm' }, fixable: false,
    *check() {
      throw new Error('kaput');
    },
  });
  const r = cli(['.', '--format', 'json'], { cwd: tempWorkspace(syntaxError), rules: [boom, ...registry] });
  assert.equal(r.code, 1);
  const codes = JSON.parse(r.stdout).findings.map((f: { code: string; message: string }) => `${f.code} ${f.message}`);
  assert.deepEqual(codes.sort(), ['AKS-INT-001 Rule AKS-TST-009 (boom) failed: Error: kaput', "AKS-SYN-001 Expected an expression after '='"]);
});

test('symlink loops, binary files and files over 10 MB are reported and skipped', () => {
  const dir = tempWorkspace({ ...clean, 'bin.tf': '' , 'nested/ok.yaml': 'a: 1\n' });
  writeFileSync(join(dir, 'bin.tf'), Buffer.from([0x72, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'big.tf'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
  symlinkSync(dir, join(dir, 'nested', 'loop'));
  symlinkSync(join(dir, 'self-a'), join(dir, 'self-b'));
  symlinkSync(join(dir, 'self-b'), join(dir, 'self-a'));
  const r = cli(['.'], { cwd: dir, rules: registry });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /skipped bin\.tf: binary file/);
  assert.match(r.stderr, /skipped big\.tf: larger than 10 MB/);
  assert.match(r.stderr, /skipped nested\/loop: symlink loop/);
  assert.match(r.stderr, /skipped self-a: symlink loop/);
  assert.equal(r.stdout, 'No problems found in 2 files.\n');
});

test('symlinks to files and folders are followed once per real file', () => {
  const outside = tempWorkspace({ 'shared/net.tf': 'locals {\n  a = 1\n}\n' });
  const dir = tempWorkspace({ ...clean });
  symlinkSync(join(outside, 'shared'), join(dir, 'linked'));
  symlinkSync(join(dir, 'main.tf'), join(dir, 'again.tf'));
  const r = cli(['.', '--format', 'json'], { cwd: dir, rules: registry });
  assert.equal(r.code, 0, r.stderr);
  // main.tf once (again.tf is the same file), plus the linked folder's file
  assert.equal(JSON.parse(r.stdout).files, Object.keys(clean).length + 1);
});

// A fixable rule for the --fix tests: the registry may not hold one yet, and these tests are about the CLI.
const acrPull = defineRule({
  code: 'AKS-TST-010', name: 'acr-typo', title: 't', severity: 'error', category: 'correctness', scope: 'file', fileKinds: ['terraform'],
  docs: { summary: 's', rationale: 'r', links: [] }, messages: { typo: '"ArcPull" should be "AcrPull"' }, fixable: true,
  *check(ctx) {
    for (const m of ctx.file.text.matchAll(/"ArcPull"/g)) {
      const range = { start: m.index!, end: m.index! + m[0].length };
      yield { messageId: 'typo', file: ctx.file.path, range, fixes: [{ title: 'Use AcrPull', edits: [{ file: ctx.file.path, range, newText: '"AcrPull"' }] }] };
    }
  },
});
const fixable = {
  'main.tf': 'resource "azurerm_role_assignment" "a" {\n  role_definition_name = "ArcPull"\n}\n',
  'other.tf': 'resource "azurerm_role_assignment" "b" {\n  role_definition_name = "ArcPull"\n  x = \n}\n',
  'clean.tf': 'locals {\n  a = 1\n}\n',
};

test('--fix-dry-run prints a unified diff and changes nothing', () => {
  const dir = tempWorkspace(fixable);
  const r = cli(['.', '--fix-dry-run'], { cwd: dir, rules: [acrPull, ...registry] });
  assert.equal(r.code, 1, 'other.tf keeps a syntax error');
  assert.equal(
    r.stdout,
    '--- a/main.tf\n+++ b/main.tf\n@@ -1,3 +1,3 @@\n resource "azurerm_role_assignment" "a" {\n-  role_definition_name = "ArcPull"\n+  role_definition_name = "AcrPull"\n }\n' +
      '--- a/other.tf\n+++ b/other.tf\n@@ -1,4 +1,4 @@\n resource "azurerm_role_assignment" "b" {\n-  role_definition_name = "ArcPull"\n+  role_definition_name = "AcrPull"\n   x = \n }\n',
  );
  assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), fixable['main.tf']);
});

test('--fix writes only files with fixes, iterates to a stable state and reports what remains', () => {
  const dir = tempWorkspace(fixable);
  const before = statSync(join(dir, 'clean.tf')).mtimeMs;
  const r = cli(['.', '--format', 'json'], { cwd: dir, rules: [acrPull, ...registry] });
  assert.equal(JSON.parse(r.stdout).findings.length, 3);
  const fixed = cli(['.', '--fix', '--format', 'json'], { cwd: dir, rules: [acrPull, ...registry] });
  assert.equal(fixed.code, 1);
  assert.match(fixed.stderr, /applied 2 fixes to 2 files/);
  assert.deepEqual(JSON.parse(fixed.stdout).findings.map((f: { code: string; file: string }) => `${f.code} ${f.file}`), ['AKS-SYN-001 other.tf']);
  assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), fixable['main.tf'].replace('ArcPull', 'AcrPull'));
  assert.equal(statSync(join(dir, 'clean.tf')).mtimeMs, before, 'a file without fixes is never touched');
  assert.equal(cli(['.', '--fix'], { cwd: dir, rules: [acrPull, ...registry] }).stderr, '', 'second run: nothing left to fix');
});
