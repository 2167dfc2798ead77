import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHcl } from '../../server/src/syntax/hcl/index';
import { treeProblems } from '../../server/src/syntax/hcl/tree-invariants';
import { corpusFiles, corpusRoot, isTerraformFile, readCorpus } from './corpus-files';
import { mulberry32 } from '../seeded-random';

const MUTATIONS = 20_000;


const INSERTS = ['{', '}', '[', ']', '(', ')', '"', '${', '%{', '}', '<<EOT\n', '<<-EOT\n', '\nEOT\n', '*/', '/*', '#', '\\', '~', '...', '\r\n', '=', '::', '\u00a0', '😀'];

function mutate(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const len = 1 + Math.floor(rnd() * 16);
  switch (Math.floor(rnd() * 4)) {
    case 0: // flip one character to a random printable ASCII or control character
      return text.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 128)) + text.slice(at + 1);
    case 1: // delete a span
      return text.slice(0, at) + text.slice(at + len);
    case 2: // duplicate a span
      return text.slice(0, at + len) + text.slice(at, at + len) + text.slice(at + len);
    default: // insert a structural token
      return text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(at);
  }
}

function seeds(): { name: string; text: string }[] {
  if (corpusRoot) {
    // small files keep 20,000 parses fast; every 4th one keeps variety across repos
    const small = corpusFiles('terraform', isTerraformFile)
      .map((rel) => ({ name: rel, text: readCorpus(rel) }))
      .filter((f) => f.text.length >= 200 && f.text.length <= 3000);
    return small.filter((_, i) => i % 4 === 0);
  }
  console.log('shared corpus absent (../shared/corpus): fuzzing the parser testdata fixtures instead');
  const dir = resolve(__dirname, '../../server/src/syntax/hcl/testdata');
  return ['ok', 'err'].flatMap((k) => readdirSync(join(dir, k)).filter((n) => !n.endsWith('.tree')).map((n) => ({ name: n, text: readFileSync(join(dir, k, n), 'utf8') })));
}

test(`fuzz: ${MUTATIONS.toLocaleString('en')} mutations of corpus files never throw and keep ranges valid`, () => {
  const rnd = mulberry32(0x5eed);
  const pool = seeds();
  assert.ok(pool.length > 0);
  let withErrors = 0;
  for (let i = 0; i < MUTATIONS; i++) {
    const seed = pool[i % pool.length];
    let text = seed.text;
    const rounds = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < rounds; r++) text = mutate(text, rnd);
    const result = parseHcl(text);
    const internal = result.diagnostics.find((d) => d.message.startsWith('Internal parser error'));
    assert.equal(internal, undefined, `mutation ${i} of ${seed.name}: ${internal?.message}`);
    const problems = treeProblems(text, result, 3);
    assert.deepEqual(problems, [], `mutation ${i} of ${seed.name}`);
    if (result.diagnostics.length > 0) withErrors++;
  }
  console.log(`fuzz: ${MUTATIONS} mutated inputs from ${pool.length} seeds, ${withErrors} with diagnostics, no throw, ranges valid`);
  assert.ok(withErrors > MUTATIONS / 4, 'mutations should usually break the syntax');
});

test('linear time: parse cost per byte at 64x the input is within 4x of the 1x cost', () => {
  const pool = seeds();
  const base = pool.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text + '\n';
  // Same bytes parsed at every size; sizes interleaved and the best of many rounds kept, so machine load and GC
  // pauses (other processes share these cores) hit all sizes alike instead of skewing one.
  const sizes = [1, 8, 64];
  const texts = sizes.map((n) => base.repeat(n));
  const best = sizes.map(() => Infinity);
  for (let round = 0; round < 25; round++) {
    sizes.forEach((n, s) => {
      // results stay alive for the whole pass at every size, so each size pays the same GC promotion per byte
      const keep: unknown[] = [];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 64 / n; i++) keep.push(parseHcl(texts[s]));
      best[s] = Math.min(best[s], Number(process.hrtime.bigint() - t0) / (base.length * 64));
    });
  }
  const [r1, r8, r64] = best;
  console.log(`linear time: ns/byte at 1x ${r1.toFixed(1)}, 8x ${r8.toFixed(1)}, 64x ${r64.toFixed(1)} (${base.length} bytes base)`);
  assert.ok(r64 <= 4 * r1, `64x costs ${(r64 / r1).toFixed(2)}x per byte of 1x`);
});
