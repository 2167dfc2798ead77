import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/model/workspace';
import { RuleRunner } from '../../server/src/engine/run';
import { rules } from '../../server/src/rules/index';
import { isLintedFile } from '../../server/src/cli/load-workspace';
import { corpusFiles, corpusRoot, readCorpus } from './corpus-files';

// A long-lived runner visits only the units an edit may affect (engine/unit-index.ts). On real multi-module
// repositories, after every kind of edit, its findings must be exactly those of a fresh runner on the same snapshot.

const REPOS = [
  'terraform/Azure-Samples__aks-openai-terraform',
  'terraform/Azure-Samples__aks-workload-identity-terraform',
  'k8s/Azure-Samples__aks-openai-terraform',
  'k8s/Azure__secrets-store-csi-driver-provider-azure',
];

/** Deterministic pseudo-random numbers: a failure must replay. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

test('incremental runs match fresh runs after edits, additions and removals on corpus repositories', (t) => {
  if (!corpusRoot) return t.skip('corpus absent: ../shared/corpus not found beside the repo');
  const files = REPOS.flatMap((r) => corpusFiles(r, isLintedFile)).map((path) => ({ path, text: readCorpus(path) }));
  assert.ok(files.length > 100, `${files.length} corpus files`);
  const next = random(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const runner = new RuleRunner(rules);
  let ws = Workspace.create(files);
  runner.run(ws);
  const edits: ((w: Workspace) => Workspace)[] = [
    (w) => {
      // drop or duplicate a line: removes role assignments, references, objects; duplicates keys
      const f = pick(w.files);
      const lines = f.text.split('\n');
      const i = Math.floor(next() * lines.length);
      if (next() < 0.5) lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]);
      return w.withFile(f.path, lines.join('\n'));
    },
    (w) => {
      const f = pick(w.files);
      return w.withFile(f.path.replace(/(\.\w+)$/, '-copy$1'), f.text);
    },
    (w) => w.withoutFile(pick(w.files).path),
    (w) => {
      const f = pick(files);
      return w.withFile(f.path, f.text);
    },
  ];
  let differences = 0;
  for (let step = 0; step < 40; step++) {
    ws = pick(edits)(ws);
    if (step % 5 === 2) runner.run(ws, {}, { files: [pick(ws.files).path] }); // an editor's edited-file run first
    const incremental = JSON.stringify(runner.run(ws));
    const fresh = JSON.stringify(new RuleRunner(rules).run(ws));
    if (incremental !== fresh) differences++;
    assert.equal(incremental, fresh, `step ${step}`);
  }
  assert.equal(differences, 0);
});
