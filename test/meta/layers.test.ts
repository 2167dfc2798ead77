import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The architecture's import boundaries, checked on the sources: a violation names the file and the import.
// Test files and the test-only support files (the rule tester, the examples/ fixture) may do IO and use the engine;
// production code may not.

const root = resolve(__dirname, '../..');
const src = join(root, 'server/src');
const IMPORT = /(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^.\w])require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

interface Source {
  readonly rel: string;
  readonly text: string;
  readonly imports: string[];
}

function sources(dir: string): Source[] {
  const out: Source[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'testdata') out.push(...sources(p));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) {
      const text = readFileSync(p, 'utf8');
      const imports = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
      out.push({ rel: relative(src, p).split(sep).join('/'), text, imports });
    }
  }
  return out;
}

/** The server/src folder an import lands in ('text', 'rules', ...), or the package name for bare imports. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('node:') ? spec : `pkg:${spec.split('/')[0].startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  const abs = resolve(dirname(join(src, from)), spec);
  return relative(src, abs).split(sep)[0];
}

const all = sources(src);
const layer = (s: Source): string => s.rel.split('/')[0];
const isEdge = (s: Source): boolean => layer(s) === 'lsp' || layer(s) === 'cli';
const testSupport = new Set(['rules/kit/rule-tester.ts', 'engine/examples-fixture.ts']);

function violations(pred: (s: Source, t: string, spec: string) => boolean): string[] {
  return all.flatMap((s) => s.imports.filter((spec) => pred(s, target(s.rel, spec), spec)).map((spec) => `${s.rel} imports ${spec}`));
}

test('only server/src/lsp imports vscode-languageserver; nothing in server imports vscode', () => {
  assert.deepEqual(violations((s, t) => t.startsWith('pkg:vscode-languageserver') && layer(s) !== 'lsp'), []);
  assert.deepEqual(violations((_, t) => t === 'pkg:vscode' || t.startsWith('pkg:vscode-languageclient')), []);
});

test('the core does no IO: no node:fs / fs / child_process / process outside lsp/ and cli/', () => {
  const io = new Set(['node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'child_process', 'node:process', 'pkg:process']);
  assert.deepEqual(violations((s, t) => !isEdge(s) && !testSupport.has(s.rel) && io.has(t)), []);
  const globals = all.filter((s) => !isEdge(s) && /(?:^|[^.\w'"`])process\.(?:env|argv|exit|cwd|stdout|stderr)/m.test(s.text)).map((s) => s.rel);
  assert.deepEqual(globals, [], 'core files reading the process global');
});

test('layers point downwards: rules never import engine/lsp/cli; model and syntax never import rules/engine', () => {
  const above: Record<string, readonly string[]> = {
    text: ['syntax', 'model', 'rules', 'engine', 'features', 'lsp', 'cli'],
    syntax: ['model', 'rules', 'engine', 'features', 'lsp', 'cli'],
    model: ['rules', 'engine', 'features', 'lsp', 'cli'],
    rules: ['engine', 'features', 'lsp', 'cli'],
    engine: ['features', 'lsp', 'cli'],
    features: ['lsp', 'cli'],
    cli: ['lsp'],
  };
  assert.deepEqual(violations((s, t) => !testSupport.has(s.rel) && (above[layer(s)] ?? []).includes(t)), []);
});

test('the boundary checks see real imports (guards against a regex that matches nothing)', () => {
  const runner = all.find((s) => s.rel === 'engine/run.ts');
  assert.ok(runner, 'engine/run.ts not found');
  assert.ok(runner.imports.includes('../rules/index'), `parsed imports: ${runner.imports.join(', ')}`);
  assert.equal(target('engine/run.ts', '../rules/index'), 'rules');
});
