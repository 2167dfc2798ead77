import type { ConfigProblem, SeveritySetting } from '../model/workspace-config';
import type { Workspace } from '../model/workspace';
import type { Rule, Severity } from '../rules/kit/define-rule';
import { LineIndex } from '../text/line-index';
import { globToRegExp, matchesAnyGlob } from './glob';

// Severity resolution: rule default (per message) < `.aks-lint.yaml` rules < caller overrides (CLI --rule, LSP
// settings). Keys are rule codes or names, case-insensitive for codes.

export type { SeveritySetting } from '../model/workspace-config';

export interface LintConfig {
  /** overrides applied on top of the workspace configuration file, by rule code or name */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
}

/** Severity override per rule code; absent = rule defaults. */
export type SeverityTable = ReadonlyMap<string, SeveritySetting>;

export function severityTable(rules: readonly Rule[], ws: Workspace, config: LintConfig | undefined): SeverityTable {
  const lookup = ruleLookup(rules);
  const table = new Map<string, SeveritySetting>();
  for (const s of ws.config.rules) {
    const r = lookup.get(s.key.toLowerCase());
    if (r) table.set(r.code, s.severity);
  }
  for (const [key, sev] of Object.entries(config?.rules ?? {})) {
    const r = lookup.get(key.toLowerCase());
    if (r) table.set(r.code, sev);
  }
  return table;
}

export function effectiveSeverity(rule: Rule, messageId: string, table: SeverityTable): Severity | 'off' {
  const override = table.get(rule.code);
  if (override) return override;
  return (rule.messageSeverity as Readonly<Record<string, Severity>> | undefined)?.[messageId] ?? rule.severity;
}

/** Problems of the configuration file, including rule keys that name no rule. */
export function configProblems(rules: readonly Rule[], ws: Workspace): ConfigProblem[] {
  const lookup = ruleLookup(rules);
  const problems = [...ws.config.problems];
  const file = ws.config.file;
  if (!file) return problems;
  const index = new LineIndex(ws.config.text);
  for (const s of ws.config.rules) {
    if (lookup.has(s.key.toLowerCase())) continue;
    const p = index.positionAt(s.keyRange.start);
    problems.push({ file, range: s.keyRange, line: p.line + 1, column: p.character + 1, message: `rules: unknown rule "${s.key}" (use a code such as AKS-SYN-001 or a name such as hcl-syntax)` });
  }
  return problems.sort((a, b) => a.range.start - b.range.start);
}

/** Unknown keys of caller overrides (e.g. `--rule`), for a usage error. */
export function unknownRuleKeys(rules: readonly Rule[], keys: Iterable<string>): string[] {
  const lookup = ruleLookup(rules);
  return [...keys].filter((k) => !lookup.has(k.toLowerCase()));
}

/** A predicate for workspace paths excluded by the configuration's `ignore:` globs. */
export function ignoredPaths(ws: Workspace): (path: string) => boolean {
  if (ws.config.ignore.length === 0) return () => false;
  const globs = ws.config.ignore.map(globToRegExp);
  const base = ws.configPath('.');
  const prefix = base === '' ? '' : `${base}/`;
  return (path) => path.startsWith(prefix) && matchesAnyGlob(path.slice(prefix.length), globs);
}

function ruleLookup(rules: readonly Rule[]): Map<string, Rule> {
  const m = new Map<string, Rule>();
  for (const r of rules) {
    m.set(r.code.toLowerCase(), r);
    m.set(r.name.toLowerCase(), r);
  }
  return m;
}
