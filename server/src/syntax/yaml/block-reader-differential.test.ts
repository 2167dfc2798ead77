import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments, type YAMLError } from 'yaml';
import { readBlockDocument } from './block-reader';
import { yamlNodeDiff } from './yaml-node-diff';
import { fromComposed } from './yaml-tree';

// Documents assembled from manifest-like lines at random indentations (a fixed seed: the same documents every run):
// whatever the block reader accepts must be what the yaml package composes. Most are invalid YAML, which the reader
// must leave alone; the mix of valid ones reaches the corners of comments, empty values, block scalars and flow
// collections that hand-written cases miss.

const LINES = [
  'a: 1', 'b:', 'c:', 'k: v', 'x: 3', 'x: 3', '- x', '-', '- k: v', '- "q": 1', 'v1', 'two words', '# c', '# c', '# c', '', '  ',
  'x: |', 'y: |+', 'g: >-', '- >', '[a]', '{}', 'z: "s"', 'k: {a: 1,', 'b: 2}', 'r: [1, 2,', '3, 4]', '- {k: v, "w": 1}',
  'x: y # c', '---', '...', 'a: b: c', '? q',
];

function* documents(count: number): Generator<string> {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const indents = [0, 0, 1, 2, 2, 3, 4, 6];
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    for (let i = 1 + next(9); i > 0; i--) lines.push(' '.repeat(indents[next(indents.length)]) + LINES[next(LINES.length)]);
    const src = lines.join('\n') + (next(5) > 0 ? '\n' : '');
    yield next(5) === 0 ? src.replace(/\n/g, '\r\n') : src;
  }
}

const problems = (errors: readonly YAMLError[]): string => JSON.stringify(errors.map((e) => [e.code, e.message, e.pos]));

test('whatever the reader accepts of random manifest-like documents, the yaml package composes alike', (t) => {
  let accepted = 0;
  for (const src of documents(20000)) {
    const fast = readBlockDocument(src);
    if (!fast) continue;
    accepted++;
    const ref = [...parseAllDocuments(src, { prettyErrors: false })];
    assert.equal(ref.length, 1, JSON.stringify(src));
    assert.deepEqual(ref[0].warnings, [], JSON.stringify(src));
    assert.equal(problems(fast.errors), problems(ref[0].errors), JSON.stringify(src));
    assert.deepEqual([fast.range[0], fast.range[2]], [ref[0].range[0], ref[0].range[2]], JSON.stringify(src));
    assert.equal(yamlNodeDiff(fast.contents, fromComposed(ref[0])), undefined, JSON.stringify(src));
  }
  t.diagnostic(`the reader accepted ${accepted} of the documents`);
  // the mix must keep reaching the reader, or the test proves nothing
  assert.ok(accepted > 1500, `only ${accepted} documents accepted`);
});
