import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../server/src/syntax/hcl/parser';
import { corpusFiles, corpusRoot, isTerraformFile, readCorpus } from './corpus-files';
import { mulberry32 } from '../seeded-random';

// A parse that takes over top-level items of the previous version's parse must equal a fresh parse of the new text,
// whatever the edit: same-length replacements, insertions and deletions at random places, including edits that
// break the syntax. Each corpus file gets a chain of edits, each parsed from the previous step's parse while that
// one is clean.

const EDITS_PER_FILE = 6;
const SNIPPETS = ['x', '1', '\n', ' ', '}', '{', '"', '${', '#', '//', '/*', '<<EOF\n', ']', '(', '=', 'a = 1\n', 'block "x" {\n}\n'];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  switch (Math.floor(rnd() * 3)) {
    case 0: { // typing over one character: same length
      if (at >= text.length) return text + 'x';
      const c = text[at];
      const by = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : /[a-z]/.test(c) ? (c === 'z' ? 'a' : String.fromCharCode(c.charCodeAt(0) + 1)) : 'q';
      return text.slice(0, at) + by + text.slice(at + 1);
    }
    case 1:
      return text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
    default:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 40)));
  }
}

test('parsing from the previous parse equals a fresh parse after random edits of every corpus Terraform file', (t) => {
  if (!corpusRoot) return t.skip('corpus absent: ../shared/corpus not found beside the repo');
  const files = corpusFiles('terraform', isTerraformFile);
  assert.ok(files.length > 500, `${files.length} corpus files`);
  const rnd = mulberry32(0x1c2e);
  let steps = 0;
  let reusedItems = 0;
  let reusingEdits = 0;
  for (const rel of files) {
    const original = { text: readCorpus(rel), result: parseHcl(readCorpus(rel)) };
    let previous = original;
    for (let i = 0; i < EDITS_PER_FILE; i++) {
      const next = edit(previous.text, rnd);
      const incremental = parseHcl(next, previous);
      const fresh = parseHcl(next);
      assert.deepEqual(incremental, fresh, `${rel}, edit ${i}`);
      const before = new Set(previous.result.file.body.items);
      const reused = incremental.file.body.items.filter((item) => before.has(item)).length;
      reusedItems += reused;
      if (reused > 0) reusingEdits++;
      steps++;
      // the next edit builds on this one while it parses clean, else starts again from the file as written
      previous = incremental.diagnostics.length === 0 ? { text: next, result: incremental } : original;
    }
  }
  // the comparison above must have covered taken-over items, not only fresh parses
  // (edits that break the syntax parse fresh)
  assert.ok(reusingEdits > steps / 4, `${reusingEdits} of ${steps} edits took over items (${reusedItems} items)`);
});
