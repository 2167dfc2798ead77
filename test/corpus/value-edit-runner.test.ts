import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/model/workspace';
import { RuleRunner } from '../../server/src/engine/run';
import { rules } from '../../server/src/rules/index';
import { isLintedFile } from '../../server/src/cli/load-workspace';
import { literalAttributes, messages, valueEditStep } from '../../server/src/engine/value-edit-fixture';
import { corpusFiles, corpusRoot, readCorpus } from './corpus-files';

// Reports kept over value edits (engine/kept-reports.ts) on real repositories: after each edit of a literal attribute
// value, half of them on attributes a rule reported, the findings and their fixes must be a fresh runner's.

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

test('value edits on Terraform repositories: kept reports equal a fresh run, fixes included', (t) => {
  if (!corpusRoot) return t.skip('corpus absent: ../shared/corpus not found beside the repo');
  const repos = ['terraform/MicrosoftDocs__azure-aks-docs', 'terraform/Azure__terraform', 'terraform/Azure-Samples__aks-openai-terraform'];
  const files = repos.flatMap((r) => corpusFiles(r, isLintedFile)).map((path) => ({ path, text: readCorpus(path) }));
  assert.ok(files.length > 30, `${files.length} corpus files`);
  const next = random(41);
  const runner = new RuleRunner(rules, { lazyFixes: true });
  let ws = Workspace.create(files);
  let findings = runner.run(ws);
  const tf = ws.files.filter((f) => f.path.endsWith('.tf')).map((f) => f.path);
  let edits = 0;
  let changed = 0;
  for (let step = 0; step < 80; step++) {
    const tfFindings = findings.filter((f) => f.file.endsWith('.tf'));
    const onFinding = next() < 0.5 ? tfFindings[Math.floor(next() * tfFindings.length)] : undefined;
    const path = onFinding?.file ?? tf[Math.floor(next() * tf.length)];
    const candidates = literalAttributes(ws, path);
    const near = onFinding ? candidates.filter((a) => a.range.start >= onFinding.range.start - 400 && a.range.end <= onFinding.range.end + 400) : [];
    const pool = near.length > 0 ? near : candidates;
    if (pool.length === 0) continue;
    edits++;
    const before = findings;
    const made = valueEditStep(runner, ws, path, pool[Math.floor(next() * pool.length)], next, true);
    ({ ws, findings } = made);
    assert.equal(made.actual, made.expected, `step ${step}: ${made.label}`);
    if (messages(before) !== messages(findings)) changed++;
  }
  const kept = [...runner.kept.values()].reduce((a, b) => a + b, 0);
  assert.ok(edits >= 40 && kept > 200 && changed >= 5, `${edits} edits, ${kept} units kept, ${changed} changed the findings`);
});
