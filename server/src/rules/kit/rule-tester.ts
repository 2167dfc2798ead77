import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Workspace } from '../../model/workspace';
import { RuleRunner } from '../../engine/run';
import type { Finding } from '../../engine/finding';
import { applyEdits, type TextEdit } from '../../text/text-edit';
import { rule as hclSyntax } from '../syntax/hcl-syntax';
import { rule as yamlSyntax } from '../syntax/yaml-syntax';
import type { Rule } from './define-rule';
import type { ExpectedFinding, Fixture } from './fixture';

// Test-only (it runs rules through the real engine, so it may import engine/; layers.test.ts allows this file).
// ruleTests(rule, { valid, invalid }) registers one node:test per case plus hygiene checks: exact findings from
// caret annotations, fix output, the fixed text re-linted clean with no new syntax errors, every message id
// exercised, no duplicate cases, and a rule that throws fails its case.

export interface ValidCase {
  readonly files: Fixture;
  readonly name?: string;
  /** shown as a "correct" example in the generated doc page */
  readonly doc?: boolean;
}

export interface InvalidCase extends ValidCase {
  /** text after applying every preferred fix once; required exactly when the findings carry fixes */
  readonly output?: Fixture;
}

export interface RuleCases {
  readonly valid: readonly (Fixture | ValidCase)[];
  readonly invalid: readonly InvalidCase[];
}

/** When set (by `npm run gen`), ruleTests records cases instead of registering tests. */
export interface CaseCollector {
  add(rule: Rule, cases: RuleCases): void;
}
const COLLECTOR_KEY = Symbol.for('aks-lint.rule-case-collector');

export function setCaseCollector(collector: CaseCollector | undefined): void {
  (globalThis as Record<symbol, unknown>)[COLLECTOR_KEY] = collector;
}

export function ruleTests(rule: Rule, cases: RuleCases): void {
  const collector = (globalThis as Record<symbol, unknown>)[COLLECTOR_KEY] as CaseCollector | undefined;
  if (collector) return collector.add(rule, cases);
  const valid = cases.valid.map((c): ValidCase => ('source' in c ? { files: c } : c));
  const label = (c: ValidCase, i: number, kind: string): string => `${rule.code} ${rule.name} ${kind} #${i + 1}${c.name ? `: ${c.name}` : ''}`;
  valid.forEach((c, i) => test(label(c, i, 'valid'), () => checkValid(rule, c)));
  cases.invalid.forEach((c, i) => test(label(c, i, 'invalid'), () => checkInvalid(rule, c)));
  test(`${rule.code} ${rule.name} never throws on broken input`, () => void lintFixture(rule, brokenInputs()));
  test(`${rule.code} ${rule.name} cases: every message id exercised, no duplicates`, () => {
    const seen = new Set<string>();
    for (const c of [...valid, ...cases.invalid]) {
      const key = [...c.files.files].map(([p, t]) => `${p}\n${t}`).join('\0');
      assert.ok(!seen.has(key), `duplicate case:\n${c.files.source}`);
      seen.add(key);
    }
    const used = new Set(cases.invalid.flatMap((c) => c.files.expected.map((e) => e.messageId)));
    const unused = Object.keys(rule.messages).filter((id) => !used.has(id));
    assert.deepEqual(unused, [], `message ids never exercised by an invalid case: ${unused.join(', ')}`);
    assert.ok(valid.length > 0 && cases.invalid.length > 0, 'a rule needs at least one valid and one invalid case');
  });
}

const ERR_FIXTURES = resolve(__dirname, '../../syntax/hcl/testdata/err');
let broken: Map<string, string> | undefined;

/** The HCL parser's error fixtures plus broken YAML manifests, as one workspace (truncated copies included). */
function brokenInputs(): ReadonlyMap<string, string> {
  if (broken) return broken;
  broken = new Map();
  const tf = existsSync(ERR_FIXTURES) ? readdirSync(ERR_FIXTURES).filter((f) => f.endsWith('.tf')) : [];
  for (const name of tf) {
    const text = readFileSync(join(ERR_FIXTURES, name), 'utf8');
    broken.set(`err/${name}`, text);
    broken.set(`err/half/${name}`, text.slice(0, Math.floor(text.length / 2)));
  }
  broken.set('broken/main.tf', 'resource "azurerm_kubernetes_cluster" "aks" {\n  identity {\n    type = \n  kubelet_identity {\n');
  broken.set('broken/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n data:\n  x.override: |\n');
  broken.set('broken/spc.yaml', 'apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nspec:\n  parameters:\n    objects: |\n      array:\n        - |\n');
  broken.set('broken/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      volumes: [\n');
  return broken;
}

/** Findings of `rule` alone over a fixture's files; an internal error fails the test with the rule's error. */
export function lintFixture(rule: Rule, files: ReadonlyMap<string, string>): Finding[] {
  const ws = Workspace.create([...files].map(([path, text]) => ({ path, text })));
  const findings = new RuleRunner([rule]).run(ws);
  const crash = findings.find((f) => f.code === 'AKS-INT-001');
  assert.equal(crash, undefined, crash?.message);
  return findings;
}

function checkValid(rule: Rule, c: ValidCase): void {
  assert.equal(c.files.expected.length, 0, 'a valid case must not carry caret annotations');
  const found = lintFixture(rule, c.files.files);
  assert.deepEqual(found.map((f) => describe(c.files.files, f)), [], 'valid case reported findings');
}

function checkInvalid(rule: Rule, c: InvalidCase): void {
  assert.ok(c.files.expected.length > 0, 'an invalid case needs at least one `# ^^^ messageId` annotation');
  const files = c.files.files;
  const found = lintFixture(rule, files);
  const actual = found.map((f) => describe(files, f)).sort();
  const expected = c.files.expected.map((e) => describeExpected(e)).sort();
  assert.deepEqual(actual, expected, 'findings differ from the caret annotations');
  const fixable = found.filter((f) => f.fixes?.length);
  if (!c.output) {
    assert.equal(fixable.length, 0, 'findings carry fixes: add `output` with the fixed text');
    return;
  }
  assert.ok(fixable.length > 0, '`output` given but no finding carries a fix');
  const fixed = applyPreferred(files, fixable);
  for (const [path, text] of c.output.files) assert.equal(fixed.get(path), text, `fix output of ${path}`);
  for (const [path, text] of fixed) if (!c.output.files.has(path)) assert.equal(text, files.get(path), `fix changed ${path}, which output does not list`);
  const after = lintFixture(rule, fixed);
  const left = after.filter((f) => f.fixes?.length).map((f) => describe(fixed, f));
  assert.deepEqual(left, [], 'fixable findings remain after applying the fixes');
  assert.ok(after.length <= found.length - fixable.length, `the fix introduced findings: ${after.map((f) => describe(fixed, f)).join('; ')}`);
  const syntax = (m: ReadonlyMap<string, string>) => lintFixture(hclSyntax, m).length + lintFixture(yamlSyntax, m).length;
  assert.ok(syntax(fixed) <= syntax(files), 'the fix introduced syntax errors');
}

function applyPreferred(files: ReadonlyMap<string, string>, findings: readonly Finding[]): Map<string, string> {
  const edits = new Map<string, TextEdit[]>();
  for (const f of findings) for (const e of f.fixes![0].edits) edits.set(e.file, [...(edits.get(e.file) ?? []), e]);
  const out = new Map(files);
  for (const [path, list] of edits) {
    const text = applyEdits(files.get(path) ?? '', list);
    assert.ok(text !== undefined, `preferred fixes overlap in ${path}`);
    out.set(path, text);
  }
  return out;
}

/** `file:line:col-col messageId` over the first line of the range, as carets can mark it. */
function describe(files: ReadonlyMap<string, string>, f: Finding): string {
  const text = files.get(f.file) ?? '';
  const lineStart = text.lastIndexOf('\n', f.range.start - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const lineEnd = (text.indexOf('\n', lineStart) + 1 || text.length + 1) - 1;
  const start = f.range.start - lineStart;
  const end = Math.min(f.range.end, lineEnd) - lineStart;
  return `${f.file}:${line + 1}:${start + 1}-${Math.max(end, start + 1) + 1} ${f.messageId}`;
}

function describeExpected(e: ExpectedFinding): string {
  return `${e.file}:${e.line + 1}:${e.startColumn + 1}-${e.endColumn + 1} ${e.messageId}`;
}
