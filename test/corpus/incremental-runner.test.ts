import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/model/workspace';
import { RuleRunner } from '../../server/src/engine/run';
import { rules } from '../../server/src/rules/index';
import { isLintedFile } from '../../server/src/cli/load-workspace';
import { corpusFiles, corpusRoot, readCorpus } from './corpus-files';

// A long-lived runner visits only the units an edit may affect (engine/unit-index.ts). On real multi-module
// repositories, after every kind of edit, its findings must be exactly those of a fresh runner on the same snapshot;
// after same-length edits (typing over a character, when the parsers take over the unchanged parts), those of a fresh
// runner on a fresh workspace.

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
    (w) => {
      const f = pick(w.files);
      return typeOver(w, f.path, Math.floor(next() * f.text.length), next);
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

/**
 * Typing over one character at `at`: the text keeps its length, so the HCL parser takes over the unchanged blocks
 * before and after the edit and the YAML parser the unchanged documents; the model and rules see old and new parts mixed.
 */
function typeOver(w: Workspace, path: string, at: number, next: () => number): Workspace {
  const text = w.file(path)!.text;
  const c = text[at] ?? '';
  const replacement = /\d/.test(c) ? String((Number(c) + 1 + Math.floor(next() * 8)) % 10) : /[a-z]/.test(c) ? (c === 'z' ? 'a' : String.fromCharCode(c.charCodeAt(0) + 1)) : undefined;
  return replacement === undefined ? w : w.withFile(path, text.slice(0, at) + replacement + text.slice(at + 1));
}

test('incremental runs match fresh runs after same-length edits (typing over a character) on Terraform repositories', (t) => {
  if (!corpusRoot) return t.skip('corpus absent: ../shared/corpus not found beside the repo');
  // the corpus's Terraform repositories with the most findings
  const repos = ['terraform/MicrosoftDocs__azure-aks-docs', 'terraform/hashicorp__terraform-provider-azurerm', 'terraform/Azure__terraform'];
  const files = repos.flatMap((r) => corpusFiles(r, isLintedFile)).map((path) => ({ path, text: readCorpus(path) }));
  assert.ok(files.length > 30, `${files.length} corpus files`);
  const next = random(29);
  const tf = files.filter((f) => f.path.endsWith('.tf')).map((f) => f.path);
  const runner = new RuleRunner(rules);
  let ws = Workspace.create(files);
  let findings = runner.run(ws);
  let edits = 0;
  let changes = 0;
  for (let step = 0; step < 50; step++) {
    // half the edits land inside what a rule reported (so they tend to change findings), half anywhere in a .tf file
    const onFinding = next() < 0.5 && findings.length > 0 ? findings[Math.floor(next() * findings.length)] : undefined;
    const path = onFinding?.file ?? tf[Math.floor(next() * tf.length)];
    const { start, end } = onFinding?.range ?? { start: 0, end: ws.file(path)!.text.length };
    const after = typeOver(ws, path, start + Math.floor(next() * (end - start)), next);
    if (after === ws) continue;
    ws = after;
    edits++;
    // as the editor does: the edited file first, then the whole workspace. The reference is a workspace made from
    // the same texts, so reused parses and model parts are checked too, not only the runner's cached units.
    const fresh = new RuleRunner(rules);
    const freshWs = Workspace.create(ws.files.map((f) => ({ path: f.path, text: f.text })));
    assert.equal(JSON.stringify(runner.run(ws, {}, { files: [path] })), JSON.stringify(fresh.run(freshWs, {}, { files: [path] })), `step ${step}, edited file`);
    const expected = fresh.run(freshWs);
    if (JSON.stringify(expected) !== JSON.stringify(findings)) changes++;
    findings = runner.run(ws);
    assert.equal(JSON.stringify(findings), JSON.stringify(expected), `step ${step}`);
  }
  // the test means something only if the edits moved findings
  assert.ok(edits >= 30 && changes >= 10, `${edits} edits, ${changes} changed the findings`);
});
