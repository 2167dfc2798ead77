import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHcl } from '../../syntax/hcl/parser';
import { buildTerraformModel } from './build-model';
import type { TerraformFileInput } from './decode-module';
import type { TfValue } from './value';

/** Counts Unknowns that come from a bug of ours (caught exceptions) rather than from the configuration. */
function internalErrors(v: TfValue): number {
  if (v.kind === 'unknown') return v.reason?.includes('internal error') ? 1 : 0;
  const children = v.kind === 'list' || v.kind === 'set' ? v.items : v.kind === 'object' ? [...v.entries.values()] : [];
  return children.reduce((n, c) => n + internalErrors(c), 0);
}

// Robustness over real-world Terraform: every folder of /work/shared/corpus/terraform is decoded, every value,
// reference and Kubernetes object is computed, and nothing throws.

const repoRoot = path.resolve(__dirname, '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/terraform');

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(tf|tfvars|hcl)$/.test(name) && !name.endsWith('.tftest.hcl')) out.push(p);
  }
}

test('decodes and evaluates every corpus module without throwing', (t) => {
  if (!existsSync(corpus)) {
    t.skip(`corpus absent at ${corpus}: nothing to check`);
    return;
  }
  const paths: string[] = [];
  walk(corpus, paths);
  const files = new Map<string, TerraformFileInput>();
  for (const p of paths) {
    const text = readFileSync(p, 'utf8');
    files.set(path.relative(corpus, p).split(path.sep).join('/'), { text, parse: parseHcl(text) });
  }
  const readFile = (rel: string) => {
    const p = path.join(corpus, rel);
    return existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
  };
  const model = buildTerraformModel({ files, readFile });
  let resources = 0;
  let values = 0;
  let known = 0;
  let internal = 0;
  for (const m of model.modules) {
    for (const r of [...m.resources, ...m.dataSources]) {
      resources++;
      for (const a of r.attributes()) {
        values++;
        if (a.value.kind !== 'unknown') known++;
        internal += internalErrors(a.value);
      }
    }
    for (const name of m.locals.keys()) internal += internalErrors(m.localValue(name));
    for (const name of m.outputs.keys()) internal += internalErrors(m.outputValue(name));
    for (const name of m.variables.keys()) internal += internalErrors(m.variableValue(name));
    m.allReferences();
    void m.azurermMajorVersion;
    void m.kubernetesObjects;
  }
  assert.equal(internal, 0, 'no evaluation hit an internal error');
  assert.ok(model.modules.length > 50, `modules: ${model.modules.length}`);
  assert.ok(resources > 500, `resources: ${resources}`);
  assert.ok(known > values / 4, `known attribute values: ${known} of ${values}`);
  t.diagnostic(`${model.modules.length} modules, ${resources} resources, ${known}/${values} attribute values known, ${model.kubernetesObjects.length} kubernetes objects`);
});
