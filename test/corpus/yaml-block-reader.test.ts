import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments, type YAMLError } from 'yaml';
import { chunkBounds } from '../../server/src/syntax/yaml/parse-yaml';
import { readBlockDocument } from '../../server/src/syntax/yaml/block-reader';
import { yamlNodeDiff } from '../../server/src/syntax/yaml/yaml-node-diff';
import { fromComposed } from '../../server/src/syntax/yaml/yaml-tree';
import { corpusFiles, corpusRoot, readCorpus } from './corpus-files';

// Every corpus YAML document the block reader accepts must be exactly what the yaml package composes: same node
// kinds, values, styles and ranges, the same errors (it reads through duplicate keys only). It may give up on
// anything; it may never differ. The same holds for every file with CRLF line breaks.

const isYaml = (n: string): boolean => /\.ya?ml$/.test(n);
const errorsText = (errors: readonly YAMLError[]): string => JSON.stringify(errors.map((e) => [e.code, e.message, e.pos]));

test('the block reader agrees with the yaml package on every corpus document it reads', (t) => {
  if (!corpusRoot) return t.skip('corpus absent: ../shared/corpus not found beside the repo');
  const files = [...corpusFiles('k8s', isYaml), ...corpusFiles('helm', isYaml)];
  let chunks = 0;
  let read = 0;
  let bytes = 0;
  let readBytes = 0;
  const problems: string[] = [];
  const clean: string[] = []; // documents without YAML errors that the reader leaves to the yaml package
  // every file also with CRLF line breaks, as saved on Windows: read through an LF copy, offsets mapped back
  const texts = files.flatMap((rel) => {
    const text = readCorpus(rel);
    return [{ rel, text }, { rel: `${rel} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n') }];
  });
  for (const { rel, text } of texts) {
    for (const [start, end] of chunkBounds(text)) {
      const src = text.slice(start, end);
      chunks++;
      bytes += src.length;
      const fast = readBlockDocument(src);
      if (!fast) {
        if (!hasYamlErrors(src)) clean.push(`${rel} @${start}`);
        continue;
      }
      read++;
      readBytes += src.length;
      const ref = [...parseAllDocuments(src, { prettyErrors: false })];
      const problem =
        ref.length !== 1 ? `${ref.length} documents`
        : ref[0].warnings.length > 0 ? `yaml warns ${ref[0].warnings.map((e) => e.code)}`
        : errorsText(ref[0].errors) !== errorsText(fast.errors) ? `errors ${errorsText(fast.errors)} vs yaml's ${errorsText(ref[0].errors)}`
        : ref[0].range[0] !== fast.range[0] || ref[0].range[2] !== fast.range[2] ? `document range ${fast.range} vs ${ref[0].range}`
        : yamlNodeDiff(fast.contents, fromComposed(ref[0]));
      if (problem) problems.push(`${rel} @${start}: ${problem}`);
    }
  }
  assert.deepEqual(problems.slice(0, 20), []);
  // not a target, a guard: the reader must keep covering the bulk of plain manifests
  t.diagnostic(`block reader read ${read} of ${chunks} documents, ${((100 * readBytes) / bytes).toFixed(1)}% of ${bytes} bytes`);
  t.diagnostic(`left to the yaml package without YAML errors: ${clean.length}`);
  assert.ok(read / chunks > 0.6, `read only ${read} of ${chunks} documents`);
  // Each of these costs a full yaml package parse. Today 176: 170 in Helm templates (mostly `{{ x }}`, which YAML
  // reads as a flow mapping keyed by a flow mapping), and in k8s/ a tab, a second document after `...` (each also as
  // CRLF), and two copies of a file mixing LF and CRLF. A construct the reader stops reading fails here.
  assert.ok(clean.length <= MAX_CLEAN_FALLBACKS, `${clean.length} error-free documents left to the yaml package:\n${clean.join('\n')}`);
});

const MAX_CLEAN_FALLBACKS = 176;

/** Does the yaml package report a problem (other than a duplicate key) in this chunk? */
function hasYamlErrors(src: string): boolean {
  const docs = parseAllDocuments(src, { prettyErrors: false });
  if ('empty' in docs) return docs.errors.length > 0;
  return [...docs].some((d) => d.errors.some((e) => e.code !== 'DUPLICATE_KEY'));
}
