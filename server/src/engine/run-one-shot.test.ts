import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { rules } from '../rules/index';
import { exampleFiles } from './examples-fixture';
import { RuleRunner } from './run';

// The CLI's runner sees one snapshot: it keeps no recorded inputs, yet must report exactly what a long-lived runner
// reports, run each unit once however the files are chunked, and start over when handed another snapshot.

const examplesWorkspace = (): Workspace => Workspace.create(exampleFiles());

test('a one-shot runner reports what a caching runner reports', () => {
  const ws = examplesWorkspace();
  const expected = new RuleRunner(rules).run(ws);
  assert.ok(expected.length > 0, 'examples/ has deliberate mistakes');
  assert.deepEqual(new RuleRunner(rules, { oneShot: true }).run(ws), expected);
});

test('a one-shot runner runs each unit once over file chunks and repeated runs of its snapshot', () => {
  const ws = examplesWorkspace();
  const whole = new RuleRunner(rules, { oneShot: true });
  const expected = whole.run(ws);
  const chunked = new RuleRunner(rules, { oneShot: true });
  const paths = ws.files.map((f) => f.path);
  const found = [0, 3, 6].flatMap((i) => chunked.run(ws, {}, { files: paths.slice(i, i + 3) }));
  found.push(...chunked.run(ws, {}, { files: paths.slice(9) }));
  assert.deepEqual(found.map((f) => `${f.file} ${f.code} ${f.range.start}`).sort(), expected.map((f) => `${f.file} ${f.code} ${f.range.start}`).sort());
  assert.deepEqual(chunked.invocations, whole.invocations, 'workspace rules ran once, file rules once per file');
  assert.deepEqual(chunked.run(ws), expected, 'a full run after the chunks re-runs nothing and reports everything');
  assert.deepEqual(chunked.invocations, whole.invocations);
});

test('a one-shot runner handed another snapshot reports that snapshot, not its cache', () => {
  const ws = examplesWorkspace();
  const runner = new RuleRunner(rules, { oneShot: true });
  runner.run(ws);
  const tf = ws.files.find((f) => f.path.endsWith('.tf') && f.text.includes('azurerm_kubernetes_cluster'))!;
  const edited = ws.withFile(tf.path, `${tf.text}\nresource "azurerm_role_assignment" "typo" {\n  scope                = "x"\n  role_definition_name = "Arcpull"\n  principal_id         = "y"\n}\n`);
  const expected = new RuleRunner(rules).run(edited);
  assert.ok(expected.some((f) => f.code === 'AKS-RA-001'), 'the edit adds a finding');
  assert.deepEqual(runner.run(edited), expected);
});
