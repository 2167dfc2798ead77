import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments, type YAMLError } from 'yaml';
import { readBlockDocument } from './block-reader';
import { yamlNodeDiff } from './yaml-node-diff';
import { fromComposed } from './yaml-tree';

// The block reader must build exactly what the yaml package composes, or give up.

function assertSameAsYamlPackage(src: string): void {
  const fast = readBlockDocument(src);
  assert.ok(fast, `expected the block reader to read ${JSON.stringify(src)}`);
  const ref = [...parseAllDocuments(src, { prettyErrors: false })];
  assert.equal(ref.length, 1);
  const problems = (errors: readonly YAMLError[]): unknown[] => errors.map((e) => [e.code, e.message, e.pos]);
  assert.deepEqual(problems(fast.errors), problems(ref[0].errors), 'errors');
  assert.deepEqual(ref[0].warnings, []);
  assert.equal(fast.range[0], ref[0].range[0], 'document start');
  assert.equal(fast.range[2], ref[0].range[2], 'document end');
  assert.equal(yamlNodeDiff(fast.contents, fromComposed(ref[0])), undefined, JSON.stringify(src));
}

const SAME = [
  `${Array.from({ length: 40 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`, // a large map: keys checked through a Set
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n  a.server: |\n    example.com:53 {\n        forward . 10.0.0.4\n    }\n',
  '---\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: "nginx:1.25"\n    args: [ ]\n    env: {}\n',
  '# head\n---\na: 1\nb: 0x1F\nc: 1e3\nd: .inf\ne: ~\nf: True\ng: "yes"\nh: \'it\'\'s\'\ni: 012\nj: -1\nk: --flag\n',
  'a:\nb:   # nothing\nc: x # trailing\n  # deeper comment\nd: http://x:80/y\n',
  'env:\n- name: G\n  value: dns\n  # c1\n  # c2\nports: 1\n',
  'x:\n  env:\n  - name: G\n    value: dns\n    # c1\n\n  ports: 1\n',
  'roleRef:\n  kind: ClusterRole\nsubjects:\n- kind: Group\n  name: system:nodes\n#EOF\n',
  'a: |-\n  x\n\n  y\n\nb: |+\n  z\n\n\nc: |\nd: "tab\\there \\"q\\" \\\\"\n',
  '- a\n-   b\n- "c"\n-\n- k: v\n  l:\n    - 1\n    - 2\n',
  'key with spaces: v\nport: 8080\n',
  '"kubernetes.io/os": linux\n\'c\'  : 2\nrules:\n- apiGroups: [""]\n  verbs: ["get", list ,1,]\n  x: [ a ]  # c\n',
  'description: one\n  two\n\n  three\nz: 1\n',
  'a: "one\n  two \n\n   three\\\n four"\nb: \'x\n  y\'\n',
  'x: "\\x41\\u00e9\\U0001F600\\N\\_"\nexpr: rate(x[5m])\n  {job="a"} > 0\n',
  // a value alone on the line below its key or dash
  'a:\n  v1\nb:\n    two\n   words\nc:\n  ["x", 1]\nd:\n  {}\ne: # c\n  v2\nf:\n\n  "q"\n',
  '- \n  v\n-\n  [1,\n   2]\n',
  // quoted keys starting a sequence item's mapping
  '- "user-agent": ".*"\n  x: 1\n- \'q\': w\n',
  // folded block scalars; literal ones with lines of spaces beyond the content indentation
  'a: >-\n  x\n  y\n\n  z\nb: >\n\n  one  \n  two\n\nc: >+\n  k\n\n',
  '- >\n  folded\n  item\n- |-\n  kept\n',
  'a: |\n  x\n   \n  y\n     \n\nb: |-\n  z\n   \n',
  // flow mappings, and flow collections continued on lines below
  'a: {path: /dev/log}\nb: { x: 1 , "y" : z,}\nc: {"k":1}\nd:\n- {\'k\': v, n: 2} # c\n',
  'args: ["--model", "m",\n       "--port", 8000]\nenv: {a: 1,\n  b: 2}\nx: [\n    y]\n',
  // comment lines after nested collections, belonging to the innermost one that has one indented as much as it
  'a:\n  b: 1\n# c0\n  # c2\n',
  'x:\n  a:\n    b: 1\n  # c\n    # d\ny: 1\n',
  'x:\n  a:\n    - 1\n    # c\n  # d\n\n# e\ny: 1\n',
  'x:\n  a:\n    b: 1\n  # c\n # d\ny: 1\n',
  // an indented first line; empty documents; a document end marker
  '  a: 1\n  b: 2\n',
  '# c\n\n  - x\n',
  '---\n',
  '--- # c\n# more\n\n',
  'a: 1\n... # end\n# after\n\n',
  'a:\n  - b\n  # c\n...\n',
];

// chunks ending without a line break
const UNTERMINATED = ['a: |\n  x\n  y', 'a: |+\n  x\n   ', '- >-\n  x\n  y', 'a: 1\n...', '---', '--- # c', 'a:\n  b: 1\n# c0\n  # c2'];

test('reads plain block YAML exactly as the yaml package composes it', () => {
  for (const src of [...SAME, ...UNTERMINATED]) assertSameAsYamlPackage(src);
});

test('reads the same YAML with CRLF line breaks, offsets in the CRLF text', () => {
  for (const src of [...SAME, ...UNTERMINATED]) assertSameAsYamlPackage(src.replace(/\n/g, '\r\n'));
  const text = 'a: 1\r\nb: two\r\n';
  const fast = readBlockDocument(text);
  assert.deepEqual(fast?.range, [0, text.length, text.length]);
  const two = fast?.contents.kind === 'map' ? fast.contents.entries[3] : undefined;
  assert.deepEqual(two && [two.start, two.end], [text.indexOf('two'), text.indexOf('two') + 3]);
});

const GIVE_UP = [
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['tags', 'a: !!str 1\n'],
  ['nested flow sequences', 'a: [[1]]\n'],
  ['folded scalars with more-indented lines', 'a: >\n  x\n   y\n'],
  ['folded scalars with lines of spaces beyond the content indentation', 'a: >\n  x\n   \n  y\n'],
  ['leading lines of spaces in a block scalar', 'a: |\n   \n  x\n'],
  ['a kept blank line ending the chunk without a line break', 'a: |+\n  x\n\n '],
  ['a block scalar header alone below its key', 'a:\n  |\n  x\n'],
  ['flow collections inside flow collections', 'a: [x, {y: 1}]\nb: {x: [1]}\n'],
  ['pairs in flow sequences', 'a: [x: 1]\n'],
  ['flow mapping keys without values', 'a: {x}\nb: {x: }\n'],
  ['flow mapping keys joined to their value', 'a: {x:1}\n'],
  ['duplicate flow mapping keys', 'a: {x: 1, x: 2}\n'],
  ['plain scalars continued in flow collections', 'a: [\n  x,\n  y\n  ]\n'],
  ['flow collections continued without indentation', 'a: ["x",\n"y"]\n'],
  ['comments inside flow collections', 'a: [x, # c\n  y]\n'],
  ['flow collections as keys below their parent key', 'a:\n  [x]: 1\n'],
  ['a second document after ...', 'a: 1\n...\nb: 1\n'],
  ['text after ...', 'a: 1\n...x\n'],
  ['... after an empty document', '---\n...\n'],
  ['multi-line quoted keys', '"a\n b": 1\n'],
  ['quoted scalars continued at the key\'s indentation', 'a: "one\ntwo"\n'],
  ['a line after a comment continuing a plain scalar', 'a: one # c\n  two\n'],
  ['tabs', 'a:\tb\n'],
  ['a lone CR', 'a: 1\rb: 2\n'],
  ['a CR at the end', 'a: 1\r'],
  ['LF and CRLF mixed', 'a: 1\r\nb: 2\n'],
  ['content after ---', '--- a\n'],
  ['empty documents', '# only a comment\n'],
  ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
  ['nested mapping on one line', 'a: b: c\n'],
  ['explicit keys', '? a\n: b\n'],
  ['malformed escapes', 'a: "\\x4"\nb: "\\q"\n'],
];

const DUPLICATES = [
  'a: 1\na: 2\n',
  'a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n',
  'a: 1\n"a": 2\n\'a\': 3\n',
  '1: a\n"1": b\n1: c\n~: d\nnull: e\n.nan: f\n.nan: g\n',
  `${Array.from({ length: 40 }, (_, i) => `k${i}: ${i}`).join('\n')}\nk3: again\n.nan: 1\n.nan: 2\n`,
  'items:\n- name: a\n  name: b\n',
  // after a missing value the yaml package reports the duplicate on the line break before the key
  'c:\nc: 1\n',
  'c:   \nc: 2\nc:\n\nc: 3\n',
  '- c:\n  c: 1\n',
  'c: # z\nc: 1\n',
];

test('reads duplicate keys through, with the yaml package\'s DUPLICATE_KEY errors, with LF or CRLF', () => {
  for (const src of DUPLICATES) {
    assertSameAsYamlPackage(src);
    assertSameAsYamlPackage(src.replace(/\n/g, '\r\n'));
    assert.ok(readBlockDocument(src)!.errors.length > 0, src);
  }
});

test('gives up on everything outside the subset, for the yaml package to compose', () => {
  for (const [what, src] of GIVE_UP) assert.equal(readBlockDocument(src), undefined, what);
});

test('never throws on a prefix of a manifest, with LF or CRLF line breaks', () => {
  const lf = SAME.join('---\n');
  for (const src of [lf, lf.replace(/\n/g, '\r\n')]) {
    for (let i = 0; i <= src.length; i++) {
      const fast = readBlockDocument(src.slice(0, i));
      if (fast) assertSameAsYamlPackage(src.slice(0, i));
    }
  }
});
