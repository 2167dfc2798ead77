// HCL parse throughput on the terraform corpus, in one process: our parser vs tree-sitter (wasm) vs hcl2json
// (HashiCorp's Go parser compiled to wasm). The machine may be shared, so the parsers run interleaved, round by
// round (order rotated each round), and we report best and median: load spikes hit all of them alike.
import { readFileSync, readdirSync, statSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { parseHcl } from '../server/src/syntax/hcl/index';

type Pass = () => Promise<number> | number;

interface Contender {
  name: string;
  /** passes per round: fast parsers run several times per round so their median rests on enough samples */
  perRound: number;
  pass: Pass;
  times: number[];
}

const ROUNDS = 7;

function corpusTexts(): string[] {
  const root = resolve(__dirname, '..', '../shared/corpus/terraform');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (/\.(tf|tfvars)$/.test(name) || name.endsWith('.hcl')) out.push(readFileSync(p, 'utf8'));
    }
  }
  return out;
}

/**
 * The parser as shipped: scripts/build.mjs bundles with esbuild (bundle + minify, cjs). tsx compiles file by file,
 * so there every imported name is read through a CommonJS interop getter that the bundle does not have; we
 * measure both, and the bundle is the figure users get.
 */
async function bundledParseHcl(): Promise<typeof parseHcl> {
  const entry = resolve(__dirname, '../server/src/syntax/hcl/index.ts');
  const out = await build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, write: false, logLevel: 'warning' });
  const dir = mkdtempSync(join(tmpdir(), 'aks-lint-bench-'));
  try {
    const file = join(dir, 'hcl.js');
    writeFileSync(file, out.outputFiles[0].text);
    return (createRequire(file)(file) as { parseHcl: typeof parseHcl }).parseHcl;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function time(pass: Pass): Promise<number> {
  const t0 = performance.now();
  await pass();
  return performance.now() - t0;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

export async function run(): Promise<void> {
  const texts = corpusTexts();
  if (texts.length === 0) {
    console.log('shared corpus absent (../shared/corpus/terraform): HCL parse benchmark skipped');
    return;
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  const oursPass = (parse: typeof parseHcl) => () => {
    let n = 0;
    for (const t of texts) n += parse(t).file.body.items.length;
    return n;
  };
  const shipped = await bundledParseHcl();

  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const wasm = resolve(__dirname, '../node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
  const tsParser = new Parser();
  tsParser.setLanguage(await Language.load(readFileSync(wasm)));
  const hcl2json = await import('@cdktf/hcl2json');

  const contenders: Contender[] = [
    { name: 'aks-lint parseHcl (shipped bundle)', perRound: 5, pass: oursPass(shipped), times: [] },
    { name: 'aks-lint parseHcl (tsx, per file)', perRound: 5, pass: oursPass(parseHcl), times: [] },
    {
      name: 'web-tree-sitter (terraform.wasm)',
      perRound: 1,
      pass: () => {
        let n = 0;
        for (const t of texts) {
          const tree = tsParser.parse(t);
          n += tree ? tree.rootNode.childCount : 0;
          tree?.delete();
        }
        return n;
      },
      times: [],
    },
    {
      name: '@cdktf/hcl2json (Go hcl, wasm)',
      perRound: 1,
      pass: async () => {
        let n = 0;
        for (let i = 0; i < texts.length; i++) {
          try {
            n += Object.keys(await hcl2json.parse(`f${i}.tf`, texts[i])).length;
          } catch {
            n++; // invalid files still count as parsed bytes
          }
        }
        return n;
      },
      times: [],
    },
  ];

  // the shipped bundle and the source must be the same parser: same item counts over the whole corpus
  const [a, b] = [await contenders[0].pass(), await contenders[1].pass()];
  if (a !== b) throw new Error(`bundled and source parser disagree (${a} vs ${b} items)`);
  // warm-up: JIT tiers, wasm instantiation caches; not timed
  for (const c of contenders) for (let i = 0; i < Math.max(2, c.perRound); i++) await c.pass();

  for (let round = 0; round < ROUNDS; round++) {
    for (let j = 0; j < contenders.length; j++) {
      const c = contenders[(round + j) % contenders.length];
      for (let i = 0; i < c.perRound; i++) c.times.push(await time(c.pass));
    }
  }

  const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
  const stats = contenders.map((c) => {
    const s = [...c.times].sort((x, y) => x - y);
    return { c, best: s[0], median: quantile(s, 0.5) };
  });
  console.log(`corpus: ${texts.length} files, ${(bytes / 1e6).toFixed(2)} MB; ${ROUNDS} interleaved rounds after warm-up`);
  console.log('parser                              samples   best ms  median ms   MB/s (best)  MB/s (median)');
  for (const { c, best, median } of stats) {
    console.log(
      `${c.name.padEnd(35)} ${String(c.times.length).padStart(7)} ${best.toFixed(1).padStart(9)} ${median.toFixed(1).padStart(10)} ${mbps(best).toFixed(2).padStart(13)} ${mbps(median).toFixed(2).padStart(14)}`,
    );
  }
  const [shippedS, tsxS, tsS, h2jS] = stats;
  for (const ours of [shippedS, tsxS]) {
    const label = ours === shippedS ? 'shipped' : 'tsx';
    console.log(`${label.padEnd(7)} / tree-sitter: ${(tsS.best / ours.best).toFixed(1)}x (best), ${(tsS.median / ours.median).toFixed(1)}x (median)  target >= 10x`);
    console.log(`${label.padEnd(7)} / hcl2json:    ${(h2jS.best / ours.best).toFixed(1)}x (best), ${(h2jS.median / ours.median).toFixed(1)}x (median)  target >= 30x`);
  }
}
