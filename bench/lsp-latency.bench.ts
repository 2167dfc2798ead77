import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { BenchLine } from './cli-corpus.bench';
import { generateKubernetesYaml, generateTerraform } from '../test/lsp/generated-workspace';
import { LspTestClient, repoRoot, uriOf } from '../test/lsp/lsp-test-client';
import { tempWorkspace } from '../test/lsp/lsp-test-helpers';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/protocol';

// Editor-facing numbers: didChange -> publishDiagnostics latency (p50/p95 over 200 edits) on a 5,000-line .tf and a
// 5,000-line multi-document YAML, yaml-language-server on the same YAML in the same run, server memory on a
// 2,000-file workspace, and the VSIX size when one has been packaged. Run: node --import tsx bench/lsp-latency.bench.ts

const EDITS = 200;
const YAML_LS_DELAY_MS = 200; // yaml-language-server's fixed validation debounce (yamlSettings.validationDelayMs)

function serverArgs(): { nodeArgs?: string[]; what: string } {
  // AKS_LINT_SERVER: a server bundle built elsewhere (node scripts/build.mjs --outdir DIR)
  const dist = process.env.AKS_LINT_SERVER ?? resolve(repoRoot, 'dist/server.js');
  // the options the VS Code client starts the server with, so the memory measured is what users get
  return existsSync(dist) ? { nodeArgs: [...SERVER_EXEC_ARGV, dist, '--stdio'], what: `${SERVER_EXEC_ARGV.join(' ')} ${dist}` } : { what: 'server/src/lsp/main.ts via tsx' };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Edits one number on a varying line (as typing does) and waits for the publish that answers each edit. */
async function editLatencies(client: LspTestClient, uri: string, text: string, pattern: RegExp, versioned: boolean): Promise<number[]> {
  const lines = text.split('\n');
  const targets = lines.flatMap((l, i) => (pattern.test(l) ? [i] : []));
  const times: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const line = targets[(k * 7) % targets.length];
    const col = lines[line].search(/\d/);
    const change: TextDocumentContentChangeEvent = { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: String(k % 9 + 1) };
    lines[line] = lines[line].slice(0, col) + change.text + lines[line].slice(col + 1);
    const version = k + 2;
    const published = client.waitForDiagnostics(uri, (_, p) => !versioned || p.version === version, `edit ${k}`);
    const t0 = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

async function aksLintLatency(kind: 'tf' | 'yaml', text: string): Promise<number[]> {
  const ws = tempWorkspace({});
  const { client } = await LspTestClient.start({ ...serverArgs(), folders: [ws.dir] });
  try {
    const uri = uriOf(ws.path(kind === 'tf' ? 'main.tf' : 'apps.yaml'));
    const first = client.waitForDiagnostics(uri, (_, p) => p.version === 1, 'first analysis');
    await client.open(uri, kind === 'tf' ? 'terraform' : 'yaml', text);
    await first;
    return await editLatencies(client, uri, text, kind === 'tf' ? /node_count\s+=\s+\d/ : /replicas: \d/, true);
  } finally {
    await client.stop();
    ws.remove();
  }
}

async function yamlLsLatency(text: string): Promise<number[]> {
  const ws = tempWorkspace({});
  const bin = resolve(repoRoot, 'node_modules/yaml-language-server/bin/yaml-language-server');
  const settings = { validate: true, schemaStore: { enable: false }, schemas: {}, kubernetesCRDStore: { enable: false } };
  const { client } = await LspTestClient.start({ nodeArgs: [bin, '--stdio'], folders: [ws.dir], settings });
  try {
    const uri = uriOf(ws.path('apps.yaml'));
    const first = client.waitForDiagnostics(uri, () => true, 'yaml-language-server first validation');
    await client.open(uri, 'yaml', text);
    await first;
    return await editLatencies(client, uri, text, /replicas: \d/, false);
  } finally {
    await client.stop();
    ws.remove();
  }
}

const FOLDERS = 200;
const TF_LINES_PER_CLUSTER = 52; // one whole VNet + subnet + identity + cluster + role assignment unit of generateTerraform

/**
 * RSS of the server after indexing and analysing 2,000 files (1,000 .tf, 1,000 .yaml) laid out as real repos are:
 * 200 module folders, each with 5 .tf files (one cluster each) and 5 YAML manifests.
 */
async function memoryOn2000Files(): Promise<{ rssMb: number; peakMb: number; seconds: number }> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 1000; i++) {
    const folder = `stack${String(i % FOLDERS).padStart(3, '0')}`;
    files[`${folder}/m${i}.tf`] = generateTerraform(TF_LINES_PER_CLUSTER, i);
    files[`${folder}/k${i}.yaml`] = generateKubernetesYaml(60, i);
  }
  const ws = tempWorkspace(files);
  const t0 = performance.now();
  const { client } = await LspTestClient.start({ ...serverArgs(), folders: [ws.dir] });
  try {
    // the first whole-workspace pass ends with an identities notification (generous: 2,000 files on a busy machine)
    await client.waitForNotification('aksLint/identitiesChanged', 600_000);
    const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await client.stop();
    ws.remove();
  }
}

function vsixSize(): number | undefined {
  const vsix = readdirSync(repoRoot).filter((f) => f.endsWith('.vsix'));
  return vsix.length > 0 ? statSync(join(repoRoot, vsix[0])).size : undefined;
}

export async function runLspBench(report: (line: BenchLine) => void = () => undefined): Promise<BenchLine[]> {
  const tf = generateTerraform(5000);
  const yaml = generateKubernetesYaml(5000);
  const lines: BenchLine[] = [];
  const push = (name: string, value: number, unit: string, target?: string, ok?: boolean): void => {
    const line = { name, value: Math.round(value * 10) / 10, unit, target, ok };
    lines.push(line);
    report(line);
  };
  const tfTimes = await aksLintLatency('tf', tf);
  push('aks-lint edit latency .tf 5,000 lines p50', percentile(tfTimes, 50), 'ms');
  push('aks-lint edit latency .tf 5,000 lines p95', percentile(tfTimes, 95), 'ms', '< 30 ms', percentile(tfTimes, 95) < 30);
  const yTimes = await aksLintLatency('yaml', yaml);
  const lsTimes = await yamlLsLatency(yaml);
  push('aks-lint edit latency .yaml 5,000 lines p50', percentile(yTimes, 50), 'ms');
  push('aks-lint edit latency .yaml 5,000 lines p95', percentile(yTimes, 95), 'ms', '< 30 ms', percentile(yTimes, 95) < 30);
  push('yaml-language-server validation latency p50', percentile(lsTimes, 50), 'ms');
  push('yaml-language-server validation latency p95', percentile(lsTimes, 95), 'ms');
  const lsCompute = percentile(lsTimes, 95) - YAML_LS_DELAY_MS;
  push(`yaml-language-server p95 minus its ${YAML_LS_DELAY_MS} ms debounce`, lsCompute, 'ms', 'aks-lint yaml p95 <= this', percentile(yTimes, 95) <= lsCompute);
  const mem = await memoryOn2000Files();
  push('server RSS after indexing 2,000 files', mem.rssMb, 'MB', '< 150 MB', mem.rssMb < 150);
  push('server peak RSS (VmHWM) on 2,000 files', mem.peakMb, 'MB');
  push('index + first analysis of 2,000 files', mem.seconds, 's');
  const size = vsixSize();
  if (size !== undefined) push('VSIX size', size / 1024, 'KB', '< 1024 KB', size < 1024 * 1024);
  return lines;
}

/** Entry point for bench/run.ts (`npm run bench`), which prints the returned lines. */
export function run(): Promise<BenchLine[]> {
  return runLspBench();
}

if (require.main === module) {
  console.log(`server: ${serverArgs().what}`);
  const print = (l: BenchLine): void =>
    console.log(`${l.name.padEnd(58)} ${String(l.value).padStart(8)} ${l.unit}${l.target ? `  (target ${l.target}: ${l.ok ? 'met' : 'NOT met'})` : ''}`);
  void runLspBench(print).then((lines) => {
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(lines, null, 2));
  });
}
