import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { Language, Parser } from 'web-tree-sitter';
import { Workspace } from '../server/src/model/workspace';
import { parseKubernetesFile } from '../server/src/model/kubernetes/kubernetes-file';
import { RuleRunner } from '../server/src/engine/run';
import { rules } from '../server/src/rules/index';
import { isLintedFile } from '../server/src/cli/load-workspace';

// Whole-corpus numbers for the engine, in one run: (1) every registered rule over the corpus's terraform/ and k8s/
// folders, cold (parse + model + rules, with the runner the CLI uses), against web-tree-sitter merely parsing the Terraform half; (2) our YAML
// model (parseKubernetesFile) against raw yaml.parseAllDocuments on the same files; (3) re-analysis after a one-file
// edit with a warm runner. Medians of several repetitions. Run: node --import tsx bench/cli-corpus.bench.ts

export interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

const repoRoot = resolve(__dirname, '..');
const corpus = resolve(repoRoot, '../shared/corpus');
const REPEAT = 7;
const EDITS = 20;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (isLintedFile(name)) out.push(p);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function run(): Promise<BenchLine[]> {
  if (!existsSync(corpus)) return [{ name: 'cli-corpus: corpus absent, skipped', value: 0, unit: '-' }];
  const files = [...walk(join(corpus, 'terraform')), ...walk(join(corpus, 'k8s'))].map((abs) => ({
    path: relative(corpus, abs).split(sep).join('/'),
    text: readFileSync(abs, 'utf8'),
  }));
  const tfFiles = files.filter((f) => !/\.ya?ml$/.test(f.path));
  const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f.path));
  const lines: BenchLine[] = [];
  const push = (name: string, value: number, unit: string, target?: string, ok?: boolean): void =>
    void lines.push({ name, value: Math.round(value * 100) / 100, unit, target, ok });

  // (1) cold analysis vs tree-sitter parsing, interleaved round by round with the order rotated (as the HCL parse
  // bench does): on a shared machine, load spikes then hit both sides of each ratio alike
  await Parser.init();
  const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  // the runner as the CLI makes it for a run without --fix (server/src/cli/run-cli.ts): one snapshot, no incremental cache
  const cliRunner = (): RuleRunner => new RuleRunner(rules, { oneShot: true });
  let findings = 0;
  let coldRunner = cliRunner();
  const passes: readonly (readonly [string, () => void])[] = [
    ['engine', () => void (findings = (coldRunner = cliRunner()).run(Workspace.create(files)).length)],
    ['tree-sitter', () => tfFiles.forEach((f) => parser.parse(f.text)?.delete())],
    ['engine, Terraform half', () => void cliRunner().run(Workspace.create(tfFiles))],
  ];
  const samples = new Map<string, number[]>(passes.map(([name]) => [name, []]));
  for (let round = 0; round < REPEAT; round++) {
    for (let k = 0; k < passes.length; k++) {
      const [name, pass] = passes[(round + k) % passes.length];
      samples.get(name)!.push(time(pass));
    }
  }
  const [engineMs, treeSitterMs, engineTfMs] = passes.map(([name]) => median(samples.get(name)!));
  push(`engine: ${rules.length} rules over corpus (${tfFiles.length} tf + ${yamlFiles.length} yaml files, ${findings} findings)`, engineMs, 'ms');
  push(`web-tree-sitter: parse only the ${tfFiles.length} Terraform files`, treeSitterMs, 'ms');
  push('engine (all files, all rules) / tree-sitter (Terraform parse only)', engineMs / treeSitterMs, 'x', '< 1', engineMs < treeSitterMs);
  push('engine on the Terraform half only (parse + model + rules) / tree-sitter parse', engineTfMs / treeSitterMs, 'x', '< 1', engineTfMs < treeSitterMs);

  // (2) YAML model overhead
  const modelMs = median(Array.from({ length: REPEAT }, () => time(() => yamlFiles.forEach((f) => parseKubernetesFile(f.path, f.text).objects))));
  const rawMs = median(Array.from({ length: REPEAT }, () => time(() => yamlFiles.forEach((f) => parseAllDocuments(f.text)))));
  push(`YAML: parseKubernetesFile over ${yamlFiles.length} files`, modelMs, 'ms');
  push('YAML: raw yaml.parseAllDocuments, same files', rawMs, 'ms');
  push('YAML model / raw parse', modelMs / rawMs, 'x', '<= 1.3', modelMs / rawMs <= 1.3);

  // (3) one-file edits with a warm runner: the edited file's parse, its module's decode and affected rules only
  const runner = new RuleRunner(rules);
  let ws = Workspace.create(files);
  runner.run(ws);
  const coldElapsed = new Map(runner.elapsedMs);
  const step = Math.max(1, Math.floor(tfFiles.length / EDITS));
  const editTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const target = i % 2 === 0 ? tfFiles[(i * step) % tfFiles.length] : yamlFiles[(i * step) % yamlFiles.length];
    ws = ws.withFile(target.path, `${ws.file(target.path)!.text}\n# edit ${i}\n`);
    editTimes.push(time(() => runner.run(ws)));
  }
  push(`re-analysis after a one-file edit (median of ${EDITS}, tf and yaml alternating)`, median(editTimes), 'ms', '< 20', median(editTimes) < 20);
  push('re-analysis after a one-file edit, worst', Math.max(...editTimes), 'ms');
  // where the time goes: check time per rule (the first rule to need a model also pays for building it)
  const top = (m: ReadonlyMap<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, 10);
  for (const [code, ms] of top(coldRunner.elapsedMs)) push(`  cold run, ms in ${code}`, ms, 'ms');
  const editElapsed = new Map([...runner.elapsedMs].map(([code, ms]) => [code, ms - (coldElapsed.get(code) ?? 0)]));
  for (const [code, ms] of top(editElapsed)) push(`  ${EDITS} edits together, ms in ${code}`, ms, 'ms');
  return lines;
}

if (require.main === module) {
  run().then(
    (lines) => {
      for (const l of lines) console.log(`${l.ok === undefined ? ' ' : l.ok ? '✔' : '✖'} ${l.name}: ${l.value} ${l.unit}${l.target ? ` (target ${l.target})` : ''}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
