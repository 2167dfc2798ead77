import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// Loads our grammars into vscode-textmate (the engine VS Code uses) and renders tokens as a stable text snapshot.

export const repoRoot = resolve(__dirname, '../..');
const syntaxes = join(repoRoot, 'syntaxes');

/** VS Code's YAML grammar from the code-server the e2e harness caches; optional (MIT, read in place, never copied). */
export const VSCODE_YAML_GRAMMAR =
  process.env.AKS_LINT_YAML_GRAMMAR ??
  '/root/.cache/aks-lint-e2e/code-server-4.100.3/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes';

let onigReady: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigReady ??= (async () => {
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '../onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return onigReady;
}

/** A host YAML grammar just rich enough to host the injection: keys, comments, scalars. */
const STUB_YAML = {
  scopeName: 'source.yaml',
  patterns: [
    { match: '#.*$', name: 'comment.line.number-sign.yaml' },
    { match: '^\\s*([\\w.-]+)(:)', captures: { '1': { name: 'entity.name.tag.yaml' }, '2': { name: 'punctuation.separator.key-value.mapping.yaml' } } },
  ],
};

export type YamlHost = 'stub' | 'vscode';

export async function createRegistry(yamlHost: YamlHost = 'stub'): Promise<textmate.Registry> {
  await loadOniguruma();
  const files: Record<string, string> = {
    'source.corefile': join(syntaxes, 'corefile.tmLanguage.json'),
    'corefile.injection.yaml': join(syntaxes, 'corefile-yaml-injection.tmLanguage.json'),
  };
  if (yamlHost === 'vscode') {
    files['source.yaml'] = join(VSCODE_YAML_GRAMMAR, 'yaml.tmLanguage.json');
    for (const v of ['1.0', '1.1', '1.2', '1.3']) files[`source.yaml.${v}`] = join(VSCODE_YAML_GRAMMAR, `yaml-${v}.tmLanguage.json`);
    files['source.yaml.embedded'] = join(VSCODE_YAML_GRAMMAR, 'yaml-embedded.tmLanguage.json');
  }
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.yaml' && yamlHost === 'stub') return textmate.parseRawGrammar(JSON.stringify(STUB_YAML), 'stub.json');
      const file = files[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // as package.json's injectTo: the injection applies to source.yaml
    getInjections: (scopeName) => (scopeName === 'source.yaml' ? ['corefile.injection.yaml'] : undefined),
  });
}

export function vscodeYamlAvailable(): boolean {
  return existsSync(join(VSCODE_YAML_GRAMMAR, 'yaml.tmLanguage.json'));
}

/** One line per token: `line:col "text" scope scope ...`, base scope omitted; whitespace-only tokens skipped. */
export function tokenSnapshot(grammar: textmate.IGrammar, text: string): string {
  const out: string[] = [];
  let state = textmate.INITIAL;
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim() === '') continue;
      out.push(`${i + 1}:${t.startIndex} ${JSON.stringify(s)} ${t.scopes.slice(1).join(' ')}`);
    }
    state = r.ruleStack;
  });
  return out.join('\n') + '\n';
}

/** Scopes of the first token whose text equals `needle` on a line containing `lineNeedle`. */
export function scopesOf(grammar: textmate.IGrammar, text: string, lineNeedle: string, needle: string): string[] | undefined {
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    if (!line.includes(lineNeedle)) continue;
    const t = r.tokens.find((tok) => line.slice(tok.startIndex, tok.endIndex).trim() === needle);
    if (t) return t.scopes;
  }
  return undefined;
}
