// HCL parse throughput on the terraform corpus, in one process: our parser vs tree-sitter (wasm) vs hcl2json
// (HashiCorp's Go parser compiled to wasm). Best-of-N passes per parser, since the machine may be shared.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHcl } from '../server/src/syntax/hcl/index';

interface Row {
  name: string;
  passes: number;
  bestMs: number;
  medianMs: number;
}

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

async function measure(name: string, passes: number, pass: () => Promise<void> | void): Promise<Row> {
  await pass(); // warm-up: JIT, wasm instantiation caches
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    await pass();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, passes, bestMs: times[0], medianMs: times[times.length >> 1] };
}

export async function run(): Promise<void> {
  const texts = corpusTexts();
  if (texts.length === 0) {
    console.log('shared corpus absent (../shared/corpus/terraform): HCL parse benchmark skipped');
    return;
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const rows: Row[] = [];

  let sink = 0;
  rows.push(await measure('aks-lint parseHcl', 20, () => {
    for (const t of texts) sink += parseHcl(t).file.body.items.length;
  }));

  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const wasm = resolve(__dirname, '../node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
  const parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(wasm)));
  rows.push(await measure('web-tree-sitter (terraform.wasm)', 5, () => {
    for (const t of texts) {
      const tree = parser.parse(t);
      sink += tree ? tree.rootNode.childCount : 0;
      tree?.delete();
    }
  }));

  const hcl2json = await import('@cdktf/hcl2json');
  rows.push(await measure('@cdktf/hcl2json (Go hcl, wasm)', 3, async () => {
    for (let i = 0; i < texts.length; i++) {
      try {
        sink += Object.keys(await hcl2json.parse(`f${i}.tf`, texts[i])).length;
      } catch {
        sink++; // invalid files still count as parsed bytes
      }
    }
  }));

  const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
  console.log(`corpus: ${texts.length} files, ${(bytes / 1e6).toFixed(2)} MB (sink ${sink})`);
  console.log('parser                             passes   best ms  median ms   MB/s (best)  MB/s (median)');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(34)} ${String(r.passes).padStart(6)} ${r.bestMs.toFixed(1).padStart(9)} ${r.medianMs.toFixed(1).padStart(10)} ${mbps(r.bestMs).toFixed(2).padStart(13)} ${mbps(r.medianMs).toFixed(2).padStart(14)}`,
    );
  }
  const [ours, ts, h2j] = rows;
  console.log(`ours / tree-sitter: ${(ts.bestMs / ours.bestMs).toFixed(1)}x (best), ${(ts.medianMs / ours.medianMs).toFixed(1)}x (median)  target >= 10x`);
  console.log(`ours / hcl2json:    ${(h2j.bestMs / ours.bestMs).toFixed(1)}x (best), ${(h2j.medianMs / ours.medianMs).toFixed(1)}x (median)  target >= 30x`);
}
