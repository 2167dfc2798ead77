import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertGolden, cli, tempWorkspace, version } from './cli-harness';
import { officialSarifSchema, sarifShapeSchema, validateWithAjv } from './sarif-shape';
import { rule as hclSyntax } from '../../server/src/rules/syntax/hcl-syntax';
import { rule as yamlSyntax } from '../../server/src/rules/syntax/yaml-syntax';

const rules = [hclSyntax, yamlSyntax];

// Golden outputs over examples/ plus the contracts the goldens cannot show on their own (exact JSON keys,
// SARIF shape, colour rules). The goldens change whenever rules are added: UPDATE_SNAPSHOTS=1 rewrites them.

test('text, json and sarif output on examples/ match the goldens', () => {
  for (const [format, name] of [['text', 'examples.txt'], ['json', 'examples.json'], ['sarif', 'examples.sarif']] as const) {
    const r = cli(['examples', '--format', format, '--fail-on', 'never']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assertGolden(name, r.stdout);
    // examples/ has findings with fixes in several files: the richest SARIF we emit
    if (format === 'sarif') assert.deepEqual(validateWithAjv(officialSarifSchema(), JSON.parse(r.stdout)), []);
  }
});

const broken = {
  'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name = \n}\n',
  'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n',
};

test('JSON output follows the version-1 contract exactly', () => {
  const dir = tempWorkspace(broken);
  const r = cli(['.', '--format', 'json'], { cwd: dir, rules });
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['version', 'tool', 'files', 'findings']);
  assert.deepEqual(out.tool, { name: 'aks-lint', version });
  assert.equal(out.files, 2);
  assert.deepEqual(out.findings.map((f: Record<string, unknown>) => Object.keys(f)), Array(2).fill(['code', 'rule', 'severity', 'message', 'file', 'range', 'fixes']));
  const hcl = out.findings.find((f: { code: string }) => f.code === 'AKS-SYN-001');
  assert.deepEqual(hcl.range, { start: { line: 2, column: 8 }, end: { line: 2, column: 9 } });
  assert.equal(hcl.file, 'main.tf');
  assert.equal(hcl.rule, 'hcl-syntax');
  const yaml = out.findings.find((f: { code: string }) => f.code === 'AKS-SYN-002');
  assert.equal(yaml.file, 'k8s/cm.yaml', 'relative to the cwd with forward slashes');
});

test('SARIF output has the 2.1.0 shape, rules from metadata and 1-based regions', () => {
  const dir = tempWorkspace(broken);
  const r = cli(['.', '--format', 'sarif', '--output', 'out.sarif'], { cwd: dir, rules });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '', '--output writes the report to the file only');
  const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
  assert.deepEqual(validateWithAjv(officialSarifSchema(), log), []);
  assert.notDeepEqual(validateWithAjv(officialSarifSchema(), { ...log, version: '2.0.0' }), [], 'the schema check can fail');
  assert.deepEqual(validateWithAjv(sarifShapeSchema, log), []);
  const run = log.runs[0];
  const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('AKS-SYN-001') && ids.includes('AKS-INT-001'));
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'AKS-SYN-001');
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'AKS-SYN-001');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 8, endLine: 2, endColumn: 9 });
  assert.equal(result.level, 'error');
});

test('text output: colour only on a TTY without NO_COLOR; grouped by file with a code frame', () => {
  const dir = tempWorkspace(broken);
  const plain = cli(['.'], { cwd: dir, rules });
  assert.doesNotMatch(plain.stdout, /\x1b\[/);
  assert.match(plain.stdout, /^k8s\/cm\.yaml\n {2}5:1 {2}error {2}.*AKS-SYN-002 \(yaml-syntax\)\n {4}5 \|  data: 1\n {4} {2}\| \^/m);
  assert.match(cli(['.'], { cwd: dir, tty: true, rules }).stdout, /\x1b\[31merror/);
  assert.doesNotMatch(cli(['.'], { cwd: dir, tty: true, env: { NO_COLOR: '1' }, rules }).stdout, /\x1b\[/);
  assert.match(plain.stdout, /2 problems \(2 errors, 0 warnings, 0 info\) in 2 files\.\n$/);
});
