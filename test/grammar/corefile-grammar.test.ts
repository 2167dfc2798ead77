import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry, scopesOf, tokenSnapshot, vscodeYamlAvailable, VSCODE_YAML_GRAMMAR } from './textmate-harness';

// Snapshot tests of the Corefile grammar and its YAML injection. UPDATE_SNAPSHOTS=1 rewrites the .snap files;
// the targeted assertions below pin the scopes that matter even if someone updates snapshots carelessly.

const cases = join(__dirname, 'cases');

function matchSnapshot(name: string, actual: string): void {
  const file = join(cases, `${name}.snap`);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name}.snap differs (UPDATE_SNAPSHOTS=1 to accept)`);
}

test('Corefile grammar: server blocks, zones, plugins, directives, comments, strings, env placeholders', async () => {
  const grammar = (await (await createRegistry()).loadGrammar('source.corefile'))!;
  const text = readFileSync(join(cases, 'server-blocks.corefile'), 'utf8');
  matchSnapshot('server-blocks.corefile', tokenSnapshot(grammar, text));
  assert.ok(scopesOf(grammar, text, 'example.com:53', 'example.com')?.includes('entity.name.section.zone.corefile'));
  assert.ok(scopesOf(grammar, text, 'example.com:53', '53')?.includes('constant.numeric.port.corefile'));
  assert.ok(scopesOf(grammar, text, 'dns://', '.')?.includes('entity.name.section.zone.corefile'));
  assert.ok(scopesOf(grammar, text, '    log', 'log')?.includes('support.function.plugin.corefile'));
  assert.ok(scopesOf(grammar, text, 'max_fails', 'max_fails')?.includes('keyword.other.directive.corefile'));
  assert.ok(scopesOf(grammar, text, 'fallthrough', 'fallthrough')?.includes('keyword.other.directive.corefile'));
  assert.ok(scopesOf(grammar, text, 'UPSTREAM', '{$UPSTREAM_DNS}')?.includes('variable.other.env.corefile'));
  assert.ok(scopesOf(grammar, text, 'trailing', 'trailing comment')?.includes('comment.line.number-sign.corefile'));
  assert.ok(scopesOf(grammar, text, '(common)', 'common')?.includes('entity.name.function.snippet.corefile'));
  // after the closing brace of a plugin block the next line is a plugin again, not a directive
  assert.ok(scopesOf(grammar, text, 'hosts {', 'hosts')?.includes('support.function.plugin.corefile'));
});

test('YAML injection highlights coredns-custom block scalars only', async () => {
  const grammar = (await (await createRegistry('stub')).loadGrammar('source.yaml'))!;
  const text = readFileSync(join(cases, 'coredns-custom.yaml'), 'utf8');
  matchSnapshot('coredns-custom.yaml', tokenSnapshot(grammar, text));
  assertInjection(grammar, text);
});

test('YAML injection works inside VS Code\'s own YAML grammar', async (t) => {
  if (!vscodeYamlAvailable()) return t.skip(`VS Code YAML grammar absent at ${VSCODE_YAML_GRAMMAR} (set AKS_LINT_YAML_GRAMMAR)`);
  const grammar = (await (await createRegistry('vscode')).loadGrammar('source.yaml'))!;
  assertInjection(grammar, readFileSync(join(cases, 'coredns-custom.yaml'), 'utf8'));
});

function assertInjection(grammar: Parameters<typeof scopesOf>[0], text: string): void {
  const zone = scopesOf(grammar, text, 'puglife.contoso.com:53', 'puglife.contoso.com');
  assert.ok(zone?.includes('entity.name.section.zone.corefile'), `zone scopes: ${zone}`);
  assert.ok(zone?.includes('meta.embedded.block.corefile'));
  const plugin = scopesOf(grammar, text, '    log', 'log');
  assert.ok(plugin?.includes('support.function.plugin.corefile'), `override plugin scopes: ${plugin}`);
  // in *.override content a "hosts {" line is a plugin, never a server block
  const hosts = scopesOf(grammar, text, 'hosts {', 'hosts');
  assert.ok(hosts?.includes('support.function.plugin.corefile') && !hosts.includes('meta.server-block.corefile'), `hosts scopes: ${hosts}`);
  // a block scalar under another key stays a YAML string
  const other = scopesOf(grammar, text, 'forward . 1.1.1.1', 'forward . 1.1.1.1 {') ?? scopesOf(grammar, text, 'forward . 1.1.1.1', 'forward');
  assert.ok(other && !other.some((s) => s.endsWith('.corefile')), `notes.txt scopes: ${other}`);
  // the embedded block ends where the YAML mapping resumes
  const after = scopesOf(grammar, text, 'after: plain', 'after');
  assert.ok(after && !after.some((s) => s.endsWith('.corefile')), `after scopes: ${after}`);
}
