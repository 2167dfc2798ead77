import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../model/workspace';
import { rules } from '../rules/index';
import { exampleFiles } from './examples-fixture';
import { RuleRunner } from './run';

// A long-lived runner visits only the units an edit may affect. Whatever the edit, its findings must be exactly
// those of a fresh runner on the same snapshot.

/** Deterministic pseudo-random numbers (no Math.random: a failure must replay). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

test('after every kind of edit the incremental runner reports what a fresh runner reports', () => {
  const files = exampleFiles();
  const next = random(7);
  const runner = new RuleRunner(rules);
  let ws = Workspace.create(files);
  runner.run(ws);
  const edits: ((w: Workspace) => Workspace)[] = [
    // change a line of some file
    (w) => {
      const f = w.files[Math.floor(next() * w.files.length)];
      const lines = f.text.split('\n');
      const i = Math.floor(next() * lines.length);
      lines[i] = next() < 0.5 ? '' : lines[i].replace(/\d/, String(Math.floor(next() * 10)));
      return w.withFile(f.path, lines.join('\n'));
    },
    // add a file: a copy of another one in a new folder or beside it
    (w) => {
      const f = w.files[Math.floor(next() * w.files.length)];
      const copy = next() < 0.5 ? `copy${Math.floor(next() * 3)}/${f.path.split('/').pop()}` : f.path.replace(/(\.\w+)$/, `-copy$1`);
      return w.withFile(copy, f.text);
    },
    // remove a file
    (w) => (w.files.length > 3 ? w.withoutFile(w.files[Math.floor(next() * w.files.length)].path) : w),
    // restore an original file
    (w) => {
      const f = files[Math.floor(next() * files.length)];
      return w.withFile(f.path, f.text);
    },
  ];
  for (let step = 0; step < 60; step++) {
    ws = edits[Math.floor(next() * edits.length)](ws);
    if (step % 7 === 3) runner.run(ws, {}, { files: [ws.files[0].path] }); // an editor's edited-file run in between
    const incremental = JSON.stringify(runner.run(ws));
    const fresh = JSON.stringify(new RuleRunner(rules).run(ws));
    assert.equal(incremental, fresh, `step ${step}`);
  }
});
