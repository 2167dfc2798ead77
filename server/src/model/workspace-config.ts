import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../text/line-index';
import type { TextRange } from '../text/text-range';

// `.aks-lint.yaml`, read into plain data. Every problem points at the offending key or value (file, 1-based line
// and column) so a user can fix it; nothing here throws. Rule keys are checked against the registry by the engine.

export const CONFIG_FILE_NAME = '.aks-lint.yaml';

export type SeveritySetting = 'off' | 'info' | 'warning' | 'error';
const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export interface ConfigProblem {
  readonly file: string;
  readonly range: TextRange;
  /** 1-based */
  readonly line: number;
  /** 1-based, UTF-16 units */
  readonly column: number;
  readonly message: string;
}

export interface ConfigRuleSetting {
  /** rule code or name, as written */
  readonly key: string;
  readonly severity: SeveritySetting;
  /** the key in the config file, to point at when the rule is unknown */
  readonly keyRange: TextRange;
}

export interface WorkspaceConfig {
  /** path of the config file (as given by the caller); undefined when none */
  readonly file: string | undefined;
  readonly text: string;
  readonly rules: readonly ConfigRuleSetting[];
  /** globs relative to the config file's folder; matching files are not analysed */
  readonly ignore: readonly string[];
  /** extra .tfvars files (relative to the config file's folder) applied to every root module */
  readonly varFiles: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: WorkspaceConfig = { file: undefined, text: '', rules: [], ignore: [], varFiles: [], problems: [] };

/** Parses the configuration text; problems are returned with the (partial) configuration, never thrown. */
export function parseWorkspaceConfig(file: string, text: string): WorkspaceConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const problem = (range: TextRange, message: string): void => {
    const p = lines.positionAt(range.start);
    problems.push({ file, range, line: p.line + 1, column: p.character + 1, message });
  };
  const rules: ConfigRuleSetting[] = [];
  const ignore: string[] = [];
  const varFiles: string[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
  for (const e of doc.errors) problem({ start: e.pos[0], end: e.pos[1] }, `invalid YAML: ${e.message.split('\n')[0]}`);
  const root = doc.contents;
  if (doc.errors.length === 0 && root !== null && !isMap(root)) problem(rangeOf(root, text), 'the configuration must be a mapping');
  if (doc.errors.length === 0 && isMap(root)) {
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyRange = rangeOf(pair.key as YamlNode | null, text);
      const value = pair.value as YamlNode | null;
      if (key === 'rules') readRules(value, keyRange);
      else if (key === 'ignore') readStrings(value, keyRange, 'ignore', ignore);
      else if (key === 'varFiles') readStrings(value, keyRange, 'varFiles', varFiles);
      else problem(keyRange, `unknown key "${key ?? '?'}" (expected rules, ignore or varFiles)`);
    }
  }
  return { file, text, rules, ignore, varFiles, problems };

  function readRules(value: YamlNode | null, at: TextRange): void {
    if (value === null) return;
    if (!isMap(value)) return problem(rangeOf(value, text, at), '"rules" must be a mapping of rule code or name to off|info|warning|error');
    for (const pair of value.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyRange = rangeOf(keyNode, text, at);
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const v = pair.value as YamlNode | null;
      const sev = isScalar(v) ? String(v.value).toLowerCase() : '';
      if (!SEVERITIES.includes(sev as SeveritySetting)) {
        problem(rangeOf(v, text, keyRange), `rules.${key}: "${isScalar(v) ? String(v.value) : ''}" is not one of off, info, warning, error`);
        continue;
      }
      rules.push({ key, severity: sev as SeveritySetting, keyRange });
    }
  }

  function readStrings(value: YamlNode | null, at: TextRange, name: string, out: string[]): void {
    if (value === null) return;
    if (!isSeq(value)) return problem(rangeOf(value, text, at), `"${name}" must be a list of strings`);
    for (const item of value.items) {
      const node = item as YamlNode | null;
      if (isScalar(node) && typeof node.value === 'string' && node.value !== '') out.push(node.value);
      else problem(rangeOf(node, text, at), `"${name}" entries must be non-empty strings`);
    }
  }
}

function rangeOf(node: YamlNode | null | undefined, text: string, fallback?: TextRange): TextRange {
  const r = node?.range;
  if (!r) return fallback ?? { start: 0, end: 0 };
  return { start: Math.min(r[0], text.length), end: Math.min(r[1], text.length) };
}
