import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Workspace } from '../model/workspace';
import { configProblems, ignoredPaths, unknownRuleKeys } from '../engine/config';
import { fixAll } from '../engine/apply-fixes';
import { compareFindings, severityRank, type Finding } from '../engine/finding';
import { INTERNAL_ERROR } from '../engine/internal-error';
import { RuleRunner } from '../engine/run';
import { rules as registry } from '../rules/index';
import type { Rule } from '../rules/kit/define-rule';
import { parseArgs, USAGE, type CliOptions } from './args';
import { unifiedDiff } from './diff';
import { formatJson } from './format/json';
import { reportFindings, type ReportFinding } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { commonFolder, findConfigUpward, loadFiles, toPosixRelative } from './load-workspace';
import { createProgress } from './progress';

// The CLI behind dist/cli.js, callable in-process (tests pass their own streams and rules). Exit codes: 0 clean,
// 1 a finding at or above --fail-on, 2 usage error or internal failure.

export interface CliEnv {
  readonly cwd: string;
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  /** the rules to run (default: the registry) */
  readonly rules?: readonly Rule[];
}

class UsageError extends Error {}

export function runCli(argv: readonly string[], io: CliEnv): number {
  try {
    return run(argv, io);
  } catch (err) {
    const usage = err instanceof UsageError;
    io.stderr.write(`aks-lint: ${usage ? '' : 'internal error: '}${err instanceof Error ? (usage ? err.message : err.stack ?? err.message) : String(err)}\n`);
    if (usage) io.stderr.write('Run aks-lint --help for usage.\n');
    return 2;
  }
}

function run(argv: readonly string[], io: CliEnv): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const opts = parsed.options;
  if (opts.help) return void io.stdout.write(`${USAGE}\n`), 0;
  if (opts.version) return void io.stdout.write(`${io.version}\n`), 0;
  const rules = io.rules ?? registry;
  const unknown = unknownRuleKeys(rules, Object.keys(opts.rules));
  if (unknown.length) throw new UsageError(`--rule: unknown rule ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const progress = createProgress(io.stderr, io.env);
  const findings: ReportFinding[] = [];
  let fileCount = 0;
  let diffs = '';
  for (const group of groupByConfig(opts, io.cwd)) {
    const ws = loadGroup(group, opts, io, progress.reading);
    const display = (p: string): string => toPosixRelative(io.cwd, join(group.root, p)) || '.';
    fileCount += ws.files.length;
    // --fix re-runs the rules on each fixed snapshot, which the cache makes incremental; a plain run sees one snapshot
    const runner = new RuleRunner(rules, { oneShot: !opts.fix && !opts.fixDryRun });
    const config = { rules: opts.rules };
    let result: readonly Finding[];
    let final = ws;
    if (opts.fix || opts.fixDryRun) {
      const fixed = fixAll(ws, runner, config);
      final = fixed.workspace;
      result = fixed.remaining;
      for (const path of fixed.changed) {
        const before = ws.file(path)!.text;
        const after = fixed.workspace.file(path)!.text;
        if (opts.fixDryRun) diffs += unifiedDiff(display(path), before, after);
        else writeFileSync(join(group.root, path), after, 'utf8');
      }
      if (opts.fix && fixed.changed.length) io.stderr.write(`aks-lint: applied ${fixed.applied} fixes to ${fixed.changed.length} files\n`);
    } else {
      result = analyse(runner, ws, config, progress.analysing);
    }
    findings.push(...reportFindings(final, result, display));
  }
  progress.done();
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareFindings(a.finding, b.finding)));
  const report = { toolVersion: io.version, files: fileCount, findings, rules: [...rules, INTERNAL_ERROR] };
  if (opts.fixDryRun) io.stdout.write(diffs);
  else writeReport(opts, io, report);
  const threshold = opts.failOn === 'never' ? Infinity : severityRank(opts.failOn);
  return findings.some((r) => severityRank(r.finding.severity) >= threshold) ? 1 : 0;
}

interface Group {
  readonly config: string | undefined;
  readonly root: string;
  readonly paths: string[];
}

/** Each path is analysed with the configuration found upward from it (or --config); one workspace per configuration. */
function groupByConfig(opts: CliOptions, cwd: string): Group[] {
  const forced = opts.config ? resolve(cwd, opts.config) : undefined;
  const byConfig = new Map<string, string[]>();
  for (const p of opts.paths) {
    const abs = resolve(cwd, p);
    const config = forced ?? findConfigUpward(abs) ?? '';
    byConfig.set(config, [...(byConfig.get(config) ?? []), abs]);
  }
  return [...byConfig].map(([config, paths]) => ({ config: config || undefined, root: config ? dirname(config) : commonFolder(paths), paths }));
}

function loadGroup(group: Group, opts: CliOptions, io: CliEnv, onRead: (n: number) => void): Workspace {
  const loaded = loadFiles(group.paths, onRead);
  if (loaded.missing.length) throw new UsageError(`no such file or folder: ${loaded.missing.map((p) => toPosixRelative(io.cwd, p)).join(', ')}`);
  for (const s of loaded.skipped) io.stderr.write(`aks-lint: skipped ${toPosixRelative(io.cwd, s.abs) || '.'}: ${s.reason}\n`);
  let configText: string | undefined;
  if (group.config) {
    try {
      configText = readFileSync(group.config, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read configuration ${group.config}: ${(err as Error).message}`);
    }
  }
  const rel = (abs: string): string => toPosixRelative(group.root, abs);
  const varFiles = opts.varFiles.map((v) => resolve(io.cwd, v));
  let ws = Workspace.create(
    loaded.files.map((f) => ({ path: rel(f.abs), text: f.text })),
    { config: group.config && configText !== undefined ? { file: rel(group.config), text: configText } : undefined, varFiles: varFiles.map(rel) },
  );
  const problems = configProblems(io.rules ?? registry, ws);
  if (problems.length) {
    const lines = problems.map((p) => `${toPosixRelative(io.cwd, group.config!)}:${p.line}:${p.column}: ${p.message}`);
    throw new UsageError(`invalid configuration:\n${lines.join('\n')}`);
  }
  // Var files outside the walked paths are still inputs of the Terraform model.
  for (const abs of [...varFiles, ...ws.config.varFiles.map((v) => join(group.root, ws.configPath(v)))]) {
    if (ws.file(rel(abs))) continue;
    try {
      ws = ws.withFile(rel(abs), readFileSync(abs, 'utf8'));
    } catch {
      throw new UsageError(`var file not found: ${toPosixRelative(io.cwd, abs)}`);
    }
  }
  const ignored = ignoredPaths(ws);
  for (const f of ws.files) if (ignored(f.path)) ws = ws.withoutFile(f.path);
  return ws;
}

const CHUNK = 200;

/** One run, or chunks of files when a progress bar is shown (workspace rules run once, from the runner's cache). */
function analyse(runner: RuleRunner, ws: Workspace, config: { rules: CliOptions['rules'] }, onProgress: ((done: number, total: number) => void) | undefined): Finding[] {
  if (!onProgress || ws.files.length <= CHUNK) return runner.run(ws, config);
  const out: Finding[] = [];
  const paths = ws.files.map((f) => f.path);
  for (let i = 0; i < paths.length; i += CHUNK) {
    out.push(...runner.run(ws, config, { files: paths.slice(i, i + CHUNK) }));
    onProgress(Math.min(i + CHUNK, paths.length), paths.length);
  }
  return out.sort(compareFindings);
}

function writeReport(opts: CliOptions, io: CliEnv, report: Parameters<typeof formatJson>[0]): void {
  const toFile = opts.output !== undefined;
  const color = !toFile && !!io.stdout.isTTY && io.env.NO_COLOR === undefined;
  const text = opts.format === 'json' ? formatJson(report) : opts.format === 'sarif' ? formatSarif(report) : formatText(report, { color });
  if (toFile) writeFileSync(resolve(io.cwd, opts.output!), text, 'utf8');
  else io.stdout.write(text);
}
