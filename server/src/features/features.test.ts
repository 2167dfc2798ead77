import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../text/text-edit';
import { analysisGate } from './analysis-gate';
import { codeActionsAt, fixAllAction } from './code-actions';
import type { Finding } from './editor-finding';
import { hoverAt } from './hover';
import { modelHoverAt } from './model-hover';
import { Workspace } from '../model/workspace';

// The pure editor features on plain data: what the LSP handlers only convert.

const TEXT = 'resource "a" "b" {\n    name = "bad"\n    size = "bad"\n}\n';
const at = (needle: string, from = 0): { start: number; end: number } => {
  const start = TEXT.indexOf(needle, from);
  return { start, end: start + needle.length };
};
const finding = (range: { start: number; end: number }, extra: Partial<Finding> = {}): Finding => ({
  code: 'AKS-TST-001',
  name: 'test-bad',
  severity: 'warning',
  message: 'bad <value>',
  messageId: 'bad',
  file: 'main.tf',
  range,
  fixes: [{ title: 'Use good', edits: [{ file: 'main.tf', range, newText: 'good' }] }, { title: 'Use fine', edits: [{ file: 'main.tf', range, newText: 'fine' }] }],
  ...extra,
});

test('code actions: fixes (first preferred), fix-all for the code, ignore with indentation, docs', () => {
  const first = finding(at('bad'));
  const second = finding(at('bad', TEXT.indexOf('size')));
  const actions = codeActionsAt([first, second], 'main.tf', TEXT, first.range);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
    ['Use good', true],
    ['Use fine', false],
    ['Fix all AKS-TST-001 in this file', false],
    ['Ignore AKS-TST-001 on this line', false],
    ['Show documentation for AKS-TST-001 (test-bad)', false],
  ]);
  const apply = (title: string): string | undefined => applyEdits(TEXT, actions.find((a) => a.title === title)!.edits);
  assert.equal(apply('Fix all AKS-TST-001 in this file'), TEXT.replaceAll('"bad"', '"good"'));
  assert.equal(apply('Ignore AKS-TST-001 on this line'), TEXT.replace('    name', '    # aks-lint-ignore AKS-TST-001\n    name'));
  assert.deepEqual(actions[4].openDocsFor, { code: 'AKS-TST-001', name: 'test-bad' });
});

test('ignore comment keeps CRLF line endings and tab indentation', () => {
  const crlf = 'a {\r\n\tname = "bad"\r\n}\r\n';
  const start = crlf.indexOf('bad');
  const [ignore] = codeActionsAt([finding({ start, end: start + 3 }, { fixes: [] })], 'main.tf', crlf, { start, end: start });
  assert.equal(applyEdits(crlf, ignore.edits), 'a {\r\n\t# aks-lint-ignore AKS-TST-001\r\n\tname = "bad"\r\n}\r\n');
});

test('fix-all never applies two overlapping fixes; source.fixAll covers every code', () => {
  const a = finding({ start: 20, end: 30 });
  const b = finding({ start: 25, end: 35 }, { code: 'AKS-TST-002' });
  const c = finding(at('bad', TEXT.indexOf('size')), { code: 'AKS-TST-003' });
  const all = fixAllAction([a, b, c], 'main.tf')!;
  assert.equal(all.kind, 'source.fixAll.aksLint');
  assert.deepEqual(all.edits.map((e) => e.range), [a.range, c.range]);
  assert.equal(fixAllAction([finding(at('bad'), { fixes: [] })], 'main.tf'), undefined);
});

test('hover: findings under the cursor with title, why and fix, then the model hover; nothing elsewhere', () => {
  const f = finding(at('bad'));
  const input = {
    findings: [f],
    file: 'main.tf',
    docUrl: (code: string, name: string) => `https://docs/${code}-${name}.md`,
    ruleInfo: () => ({ code: 'AKS-TST-001', name: 'test-bad', title: 'Names are good', summary: 'Bad names break things.' }),
  };
  const h = hoverAt({ ...input, offset: f.range.start + 1, modelHover: '**role** AcrPull' })!;
  assert.match(h.markdown, /^\*\*AKS-TST-001\*\* Names are good — \[test-bad\]\(https:\/\/docs\/AKS-TST-001-test-bad\.md\)/);
  assert.match(h.markdown, /bad \\<value\\>/);
  assert.match(h.markdown, /\*Why:\* Bad names break things\./);
  assert.match(h.markdown, /\*Fix:\* Use good; Use fine/);
  assert.match(h.markdown, /---\n\n\*\*role\*\* AcrPull$/);
  assert.deepEqual(h.range, f.range);
  assert.equal(hoverAt({ ...input, offset: 0 }), undefined);
});

test('analysis gate refuses huge and binary text with a reason', () => {
  assert.deepEqual(analysisGate('a = 1\n'), { analyse: true });
  assert.match((analysisGate('x'.repeat(6_000_000)) as { reason: string }).reason, /6\.0 M characters/);
  assert.match((analysisGate('ab\u0000cd') as { reason: string }).reason, /binary/);
});

test('model hover: a built-in role named by name or by definition id, nothing on other attributes', () => {
  const text = [
    'resource "azurerm_role_assignment" "pull" {',
    '  role_definition_name = "AcrPull"',
    '  principal_id         = "x"',
    '}',
    'resource "azurerm_role_assignment" "net" {',
    '  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7"',
    '  principal_id       = "y"',
    '}',
  ].join('\n');
  const ws = Workspace.create([{ path: 'main.tf', text }]);
  const byName = modelHoverAt(ws, 'main.tf', text.indexOf('AcrPull') + 2)!;
  assert.match(byName, /^\*\*AcrPull\*\*: built-in Azure role/);
  assert.match(byName, /GUID: `7f951dda-4ed3-4680-a7ca-43fe172d538d`/);
  assert.match(byName, /Typical AKS use: .*kubelet/i);
  assert.match(modelHoverAt(ws, 'main.tf', text.indexOf('4d97b98b'))!, /^\*\*Network Contributor\*\*/);
  assert.equal(modelHoverAt(ws, 'main.tf', text.indexOf('"x"')), undefined);
  assert.equal(modelHoverAt(ws, 'absent.tf', 0), undefined);
});
