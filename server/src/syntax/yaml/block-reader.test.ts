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
];

test('reads plain block YAML exactly as the yaml package composes it', () => {
  for (const src of SAME) assertSameAsYamlPackage(src);
});

test('reads the same YAML with CRLF line breaks, offsets in the CRLF text', () => {
  for (const src of SAME) assertSameAsYamlPackage(src.replace(/\n/g, '\r\n'));
  const text = 'a: 1\r\nb: two\r\n';
  const fast = readBlockDocument(text);
  assert.deepEqual(fast?.range, [0, text.length, text.length]);
  const two = fast?.contents.kind === 'map' ? fast.contents.entries[3] : undefined;
  assert.deepEqual(two && [two.start, two.end], [text.indexOf('two'), text.indexOf('two') + 3]);
});

const GIVE_UP = [
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['tags', 'a: !!str 1\n'],
  ['flow mappings', 'a: {b: 1}\n'],
  ['nested flow sequences', 'a: [[1]]\n'],
  ['folded scalars', 'a: >\n  x\n'],
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
  ['document end markers', 'a: 1\n...\n'],
  ['malformed escapes', 'a: "\\x4"\nb: "\\q"\n'],
];

const DUPLICATES = [
  'a: 1\na: 2\n',
  'a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n',
  'a: 1\n"a": 2\n\'a\': 3\n',
  '1: a\n"1": b\n1: c\n~: d\nnull: e\n.nan: f\n.nan: g\n',
  `${Array.from({ length: 40 }, (_, i) => `k${i}: ${i}`).join('\n')}\nk3: again\n.nan: 1\n.nan: 2\n`,
  'items:\n- name: a\n  name: b\n',
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
