import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkBounds, parseYaml, releaseContents } from './parse-yaml';
import { yamlNodeDiff } from './yaml-node-diff';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

test('multi-document stream keeps one range per document and per key/value', () => {
  const text = 'a: 1\n---\n# second\nb: two\n---\nc: [x, y]\n';
  const s = parseYaml(text);
  assert.equal(s.documents.length, 3);
  assert.deepEqual(s.diagnostics, []);
  assert.equal(slice(text, s.documents[0].range), 'a: 1\n');
  assert.equal(slice(text, s.documents[1].range), '---\n# second\nb: two\n');
  assert.equal(slice(text, s.documents[2].range), '---\nc: [x, y]\n');
  const second = s.documents[1].doc.contents;
  assert.ok(second?.kind === 'map');
  const [key, value] = second.entries;
  assert.ok(key?.kind === 'scalar' && value?.kind === 'scalar');
  // node offsets are relative to the document's chunk
  const base = s.documents[1].base;
  assert.equal(text.slice(base + key.start, base + key.end), 'b');
  assert.equal(text.slice(base + value.start, base + value.end), 'two');
});

test('chunks start at document markers; leading comments stay with the first document; directives keep one chunk', () => {
  const text = '# head\n---\na: 1\n--- # c\nb: 2\n---\n';
  const starts = chunkBounds(text).map(([s]) => s);
  assert.deepEqual(starts, [0, text.indexOf('--- # c'), text.lastIndexOf('---')]);
  const noMarker = 'a: "---"\nb: ---x\n';
  assert.deepEqual(chunkBounds(noMarker), [[0, noMarker.length]]);
  const directive = '%YAML 1.2\n---\na: 1\n---\nb: 2\n';
  assert.deepEqual(chunkBounds(directive), [[0, directive.length]]);
});

test('an edit re-parses only the chunk it touches, and the result equals a fresh parse', () => {
  const docs = Array.from({ length: 5 }, (_, i) => `---\nkind: ConfigMap\nmetadata:\n  name: cm${i}\ndata:\n  k: v${i}\n`);
  const before = parseYaml(docs.join(''));
  const edited = [...docs];
  edited[2] = edited[2].replace('v2', 'a longer value');
  const after = parseYaml(edited.join(''), before);
  const fresh = parseYaml(edited.join(''));
  const reused = after.documents.filter((d, i) => d.doc === before.documents[i].doc).length;
  assert.equal(reused, 4);
  assert.notEqual(after.documents[2].doc, before.documents[2].doc);
  // same document ranges and contents as parsing the edited text from scratch
  assert.deepEqual(after.documents.map((d) => d.range), fresh.documents.map((d) => d.range));
  after.documents.forEach((d, i) => assert.equal(yamlNodeDiff(d.doc.contents, fresh.documents[i].doc.contents), undefined));
  assert.deepEqual(after.documents.map((d) => d.base), fresh.documents.map((d) => d.base));
});

test('errors keep their place in the stream when the document is in a later chunk', () => {
  const text = 'a: 1\n---\nb: [1, 2\n';
  const s = parseYaml(text);
  const e = s.diagnostics.find((d) => d.severity === 'error');
  assert.ok(e);
  assert.ok(e.range.start >= text.indexOf('b:'), `error at ${e.range.start}`);
});

test('scalar styles are preserved by the composed nodes', () => {
  const text = 'p: plain\ns: \'single\'\nd: "double"\nl: |\n  lit\nf: >\n  fold\nb: true\n';
  const root = parseYaml(text).documents[0].doc.contents;
  assert.ok(root?.kind === 'map');
  const values = root.entries.filter((_, i) => i % 2 === 1);
  const types = values.map((v) => (v?.kind === 'scalar' ? v.style : undefined));
  assert.deepEqual(types, ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED', 'PLAIN']);
  const b = values[5];
  assert.ok(b?.kind === 'scalar');
  assert.equal(b.value, true);
});

test('syntax errors become diagnostics with ranges inside the text, and parsing never throws', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n';
  const s = parseYaml(text);
  const errors = s.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0);
  for (const d of errors) assert.ok(d.range.start >= 0 && d.range.end <= text.length && d.range.start <= d.range.end);
  assert.ok(errors.some((d) => slice(text, d.range).includes('bad') || d.range.start >= text.indexOf('   bad')));
  assert.equal(s.documents[0].hasErrors, true);
});

test('an unterminated quote is reported where the closing quote is missing, clamped to the text', () => {
  const text = 'a: "open\nb: 1\n';
  const s = parseYaml(text);
  const d = s.diagnostics.find((x) => x.severity === 'error');
  assert.ok(d);
  assert.match(d.message, /closing "quote \(MISSING_CHAR\)/);
  assert.deepEqual(d.range, { start: text.length, end: text.length });
});

test('duplicate keys are a warning, not a syntax error (PyYAML and kubectl accept them)', () => {
  const s = parseYaml('a: 1\na: 2\n');
  assert.equal(s.diagnostics.length, 1);
  assert.equal(s.diagnostics[0].severity, 'warning');
  assert.equal(s.documents[0].hasErrors, false);
});

test('comments are found with exact ranges, never inside scalars', () => {
  const text = '# head\na: "x # not a comment" # tail\nb: |\n  # inside block\n# end';
  const s = parseYaml(text);
  assert.deepEqual(s.comments.map((c) => slice(text, c.range)), ['# head', '# tail', '# end']);
  assert.deepEqual(s.comments.map((c) => c.text), [' head', ' tail', ' end']);
});

test('empty and comment-only streams have no documents and no errors', () => {
  for (const text of ['', '   \n', '# only a comment\n']) {
    const s = parseYaml(text);
    assert.equal(s.documents.length, 0, JSON.stringify(text));
    assert.deepEqual(s.diagnostics, []);
  }
});

test('every prefix of a manifest parses without throwing and with in-range diagnostics', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "x", labels: [a, b]}\ndata:\n  k: |\n    v\n---\n- &a x\n- *a\n';
  for (let i = 0; i <= text.length; i++) {
    const s = parseYaml(text.slice(0, i));
    for (const d of s.diagnostics) assert.ok(d.range.start >= 0 && d.range.end <= i, `prefix ${i}`);
  }
});

test('a released document tree is read again on access, equal to the first reading; composed documents keep theirs', () => {
  const block = parseYaml('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [80, 443]\n').documents[0].doc;
  const first = block.contents;
  releaseContents(block);
  const again = block.contents;
  assert.notEqual(again, first, 'the tree was dropped and read again');
  assert.equal(yamlNodeDiff(first, again), undefined);
  assert.equal(block.contents, again, 'read again once, then kept');
  // an anchor sends the chunk to the yaml package: its composed tree cannot be read again by the block reader
  const composed = parseYaml('a: &x 1\nb: *x\n').documents[0].doc;
  const tree = composed.contents;
  releaseContents(composed);
  assert.equal(composed.contents, tree);
});
