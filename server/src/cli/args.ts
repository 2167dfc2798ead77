import type { SeveritySetting } from '../model/workspace-config';

// argv -> options. Pure: a usage problem is returned as a message (exit code 2), never thrown or printed here.

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly output: string | undefined;
  readonly failOn: FailOn;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly config: string | undefined;
  readonly varFiles: readonly string[];
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: aks-lint [options] [paths...]

Lints Terraform (.tf, .tfvars, .tftest.hcl, .terraform.lock.hcl) and Kubernetes YAML (.yaml, .yml) for AKS
mistakes. Paths default to the current folder; folders are walked (skipping .terraform/, node_modules/, .git/).

Options:
  --format text|json|sarif      output format (default: text)
  --output FILE                 write the report to FILE instead of stdout
  --fail-on error|warning|info|never
                                exit 1 when a finding at or above this severity remains (default: error)
  --rule CODE|NAME=off|info|warning|error
                                override a rule's severity (repeatable)
  --config FILE                 use this .aks-lint.yaml (default: searched upward from each path)
  --var-file FILE               extra .tfvars for root modules (repeatable)
  --fix                         apply preferred fixes to the files, repeat until stable, report what remains
  --fix-dry-run                 print the fixes as a unified diff; change nothing
  --version                     print the version
  --help                        print this help

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 usage error or internal failure.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
const VALUED = new Set(['--format', '--output', '--fail-on', '--rule', '--config', '--var-file']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const varFiles: string[] = [];
  let format: OutputFormat = 'text';
  let failOn: FailOn = 'error';
  let output: string | undefined;
  let config: string | undefined;
  const flags = { fix: false, fixDryRun: false, help: false, version: false };
  const fail = (error: string): ParsedArgs => ({ ok: false, error });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') return fail(`unknown option "${arg}"`);
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (VALUED.has(name) && value === undefined) {
      value = argv[++i];
      if (value === undefined) return fail(`${name} needs a value`);
    } else if (!VALUED.has(name) && value !== undefined) return fail(`${name} takes no value`);
    switch (name) {
      case '--format':
        if (!FORMATS.includes(value as OutputFormat)) return fail(`--format must be one of ${FORMATS.join(', ')} (got "${value}")`);
        format = value as OutputFormat;
        break;
      case '--fail-on':
        if (!FAIL_ON.includes(value as FailOn)) return fail(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${value}")`);
        failOn = value as FailOn;
        break;
      case '--rule': {
        const m = /^([^=\s]+)=(\w+)$/.exec(value!);
        const sev = m?.[2].toLowerCase() as SeveritySetting | undefined;
        if (!m || !SEVERITIES.includes(sev!)) return fail(`--rule expects CODE|NAME=off|info|warning|error (got "${value}")`);
        rules[m[1]] = sev!;
        break;
      }
      case '--output':
        output = value;
        break;
      case '--config':
        config = value;
        break;
      case '--var-file':
        varFiles.push(value!);
        break;
      case '--fix':
        flags.fix = true;
        break;
      case '--fix-dry-run':
        flags.fixDryRun = true;
        break;
      case '--help':
        flags.help = true;
        break;
      case '--version':
        flags.version = true;
        break;
      default:
        return fail(`unknown option "${name}"`);
    }
  }
  if (flags.fix && flags.fixDryRun) return fail('--fix and --fix-dry-run cannot be combined');
  return { ok: true, options: { paths: paths.length ? paths : ['.'], format, output, failOn, rules, config, varFiles, ...flags } };
}
