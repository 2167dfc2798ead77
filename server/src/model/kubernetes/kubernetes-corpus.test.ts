import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseKubernetesFile } from './kubernetes-file';

const corpus = resolve(__dirname, '../../../..', '../shared/corpus');

/** FILES.tsv rows: [corpus_path, kind, ..., parse_check (column 10)] */
function rows(kind: string): { path: string; parseOk: boolean }[] {
  return readFileSync(join(corpus, 'FILES.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter((c) => c[1] === kind)
    .map((c) => ({ path: c[0], parseOk: c[9] === 'ok' }));
}

test('k8s corpus: no throw, and "has YAML syntax errors" agrees with the corpus parse check on >= 99%', (t) => {
  if (!existsSync(join(corpus, 'FILES.tsv'))) return t.skip(`corpus absent: ${corpus}/FILES.tsv not found`);
  const known = new Set(readFileSync(join(corpus, 'KNOWN_INVALID.txt'), 'utf8').split('\n').map((l) => l.split('\t')[1]));
  const files = rows('k8s');
  assert.ok(files.length > 1000);
  const disagreements: string[] = [];
  let objects = 0;
  for (const { path, parseOk } of files) {
    assert.equal(known.has(path), !parseOk, `KNOWN_INVALID.txt and FILES.tsv disagree on ${path}`);
    const f = parseKubernetesFile(path, readFileSync(join(corpus, path), 'utf8'));
    objects += f.objects.length;
    const ours = f.diagnostics.some((d) => d.severity === 'error');
    if (ours === parseOk) disagreements.push(`${path}: corpus ${parseOk ? 'ok' : 'fail'}, ours ${ours ? 'errors' : 'clean'} (${f.kind})`);
  }
  const agreement = 1 - disagreements.length / files.length;
  t.diagnostic(`${files.length} files, ${objects} objects, agreement ${(agreement * 100).toFixed(2)}%`);
  for (const d of disagreements) t.diagnostic(`disagreement: ${d}`);
  assert.ok(agreement >= 0.99, disagreements.join('\n'));
  assert.ok(objects >= files.length, 'most k8s files should yield objects');
});

test('helm corpus: templates produce no diagnostics', (t) => {
  if (!existsSync(join(corpus, 'FILES.tsv'))) return t.skip(`corpus absent: ${corpus}/FILES.tsv not found`);
  const files = rows('helm');
  assert.ok(files.length > 100);
  const noisy: string[] = [];
  let helm = 0;
  for (const { path } of files) {
    const f = parseKubernetesFile(path, readFileSync(join(corpus, path), 'utf8'));
    if (f.kind === 'helm') helm++;
    if (f.diagnostics.length > 0) noisy.push(path);
  }
  t.diagnostic(`${files.length} files, ${helm} classified helm`);
  assert.deepEqual(noisy, []);
});
