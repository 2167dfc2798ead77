import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { generatedFiles, loadRuleModules } from '../../server/scripts/gen';

// The registry, rule docs and README table are generated from rule metadata; these tests fail when someone adds or
// edits a rule without running `npm run gen`, and enforce the rule-module conventions.

const root = resolve(__dirname, '../..');

test('generated registry, docs and README rules table are fresh (run `npm run gen`)', async () => {
  const files = await generatedFiles(root);
  for (const [rel, content] of files) {
    const abs = join(root, rel);
    assert.ok(existsSync(abs), `${rel} is missing`);
    assert.equal(readFileSync(abs, 'utf8'), content, `${rel} is stale`);
  }
  const docs = readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md'));
  const expected = [...files.keys()].filter((k) => k.startsWith('docs/rules/')).map((k) => basename(k));
  assert.deepEqual(docs.sort(), expected.sort(), 'docs/rules holds pages of rules that no longer exist');
});

test('rule codes are unique, names kebab-case and equal to the file name, each rule has a test file', async () => {
  const modules = await loadRuleModules(root);
  assert.ok(modules.length >= 2, 'expected at least the two syntax rules');
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const m of modules) {
    const { code, name } = m.rule;
    assert.ok(!codes.has(code), `duplicate code ${code}`);
    assert.ok(!names.has(name), `duplicate name ${name}`);
    codes.add(code);
    names.add(name);
    assert.match(code, /^AKS-[A-Z]+-\d{3}$/);
    assert.match(name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.equal(basename(m.module), name, `${m.module}.ts must be named after its rule name`);
    assert.ok(existsSync(join(root, 'server/src/rules', `${m.module}.test.ts`)), `${m.module}.test.ts is missing`);
    assert.ok(m.cases, `${m.module}.test.ts must call ruleTests(rule, { valid, invalid })`);
    assert.ok(m.cases.invalid.length > 0 && m.cases.valid.length > 0, `${name} needs valid and invalid cases`);
  }
});
