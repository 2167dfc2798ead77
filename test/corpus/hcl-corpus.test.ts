import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, type Attribute, type Label, type Node, childrenOf } from '../../server/src/syntax/hcl/index';
import { corpusFiles, corpusRoot, isTerraformFile, readCorpus } from './corpus-files';

// Justified disagreements with the upstream verdict, path -> reason. Empty today: every terraform file agrees.
const ALLOWED_TERRAFORM: Record<string, string> = {};

// hcl-spec inputs whose .t states diagnostics that are not syntax errors, so our parser rightly reports none.
const ALLOWED_SPEC: Record<string, string> = {
  'hcl-spec/hashicorp__hcl/specsuite/tests/structure/attributes/unexpected.hcl':
    'the diagnostic comes from the .hcldec schema ("argument c is not expected"), not from the syntax',
};

function upstreamVerdicts(): Map<string, string> {
  const verdicts = new Map<string, string>();
  for (const line of readCorpus('FILES.tsv').split('\n')) {
    const cols = line.split('\t');
    if (cols[1] === 'terraform') verdicts.set(cols[0], cols[9]);
  }
  for (const line of readCorpus('KNOWN_INVALID.txt').split('\n')) {
    const [kind, path] = line.split('\t');
    if (kind === 'terraform' && path) verdicts.set(path, 'fail');
  }
  return verdicts;
}

const hasErrors = (text: string): boolean => parseHcl(text).diagnostics.some((d) => d.severity === 'error');

test('terraform corpus: syntax verdicts agree with terraform fmt v1.11', (t) => {
  if (!corpusRoot) return t.skip('shared corpus absent (../shared/corpus): skipping corpus verdict test');
  const verdicts = upstreamVerdicts();
  const files = corpusFiles('terraform', isTerraformFile);
  assert.ok(files.length > 800, `expected the terraform corpus, found ${files.length} files`);
  let agree = 0;
  const unexplained: string[] = [];
  for (const rel of files) {
    const text = readCorpus(rel);
    const result = parseHcl(text);
    const ours = result.diagnostics.some((d) => d.severity === 'error') ? 'fail' : 'ok';
    // files missing from the parse check (lock files) are valid HCL written by terraform itself
    const upstream = verdicts.get(rel) || 'ok';
    if (ours === upstream) {
      agree++;
      continue;
    }
    const first = result.diagnostics[0];
    const why = ALLOWED_TERRAFORM[rel] ?? 'NOT ALLOWED';
    console.log(`disagreement: ${rel}: upstream ${upstream}, ours ${ours}${first ? ` (${first.message})` : ''}: ${why}`);
    if (!ALLOWED_TERRAFORM[rel]) unexplained.push(rel);
  }
  const rate = (100 * agree) / files.length;
  console.log(`terraform corpus: ${agree}/${files.length} files agree with terraform fmt (${rate.toFixed(2)}%)`);
  assert.ok(rate >= 99.5, `agreement ${rate.toFixed(2)}% is below 99.5%`);
  assert.deepEqual(unexplained, [], 'every disagreement needs a justified allow-list entry');
});

test('terraform corpus: attribute names and quoted labels have exact ranges', (t) => {
  if (!corpusRoot) return t.skip('shared corpus absent (../shared/corpus): skipping range test');
  let checked = 0;
  for (const rel of corpusFiles('terraform', isTerraformFile)) {
    const text = readCorpus(rel);
    const stack: Node[] = [parseHcl(text).file];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === 'Attribute') {
        const a = node as Attribute;
        assert.equal(text.slice(a.name.range.start, a.name.range.end), a.name.name, `${rel}: attribute name range`);
        checked++;
      } else if (node.kind === 'Label' && (node as Label).quoted) {
        const s = text.slice(node.range.start, node.range.end);
        assert.ok(s.length >= 2 && s.startsWith('"') && s.endsWith('"'), `${rel}: label range ${JSON.stringify(s)}`);
        checked++;
      }
      stack.push(...childrenOf(node));
    }
  }
  console.log(`range exactness: ${checked} attribute names and quoted labels checked`);
  assert.ok(checked > 10_000);
});

test('hcl-spec inputs: no throw, and specsuite .t expectations agree', (t) => {
  if (!corpusRoot) return t.skip('shared corpus absent (../shared/corpus): skipping hcl-spec test');
  const files = corpusFiles('hcl-spec', (n) => n.endsWith('.hcl'));
  let compared = 0;
  let agree = 0;
  const unexplained: string[] = [];
  for (const rel of files) {
    const errors = hasErrors(readCorpus(rel)); // parsing itself must not throw, for every input
    const tPath = join(corpusRoot, rel.replace(/\.hcl$/, '.t'));
    if (!existsSync(tPath)) continue; // fuzz seeds (Go-encoded, not HCL) and examples carry no expectation
    const expected = /^diagnostics\s*\{/m.test(readCorpus(rel.replace(/\.hcl$/, '.t')));
    compared++;
    if (errors === expected) {
      agree++;
      continue;
    }
    const why = ALLOWED_SPEC[rel] ?? 'NOT ALLOWED';
    console.log(`disagreement: ${rel}: expected ${expected ? 'errors' : 'none'}, ours ${errors ? 'errors' : 'none'}: ${why}`);
    if (!ALLOWED_SPEC[rel]) unexplained.push(rel);
  }
  console.log(`hcl-spec: ${files.length} .hcl inputs parsed; ${agree}/${compared} with a .t expectation agree`);
  assert.ok(compared >= 10);
  assert.deepEqual(unexplained, []);
});
