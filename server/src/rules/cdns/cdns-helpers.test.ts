import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parse } from 'yaml';
import type { RuleCases } from '../kit/rule-tester';

// Test helpers: what the `yaml` package (kubectl-like decoding) makes of a fixed ConfigMap, and terraform fmt on fixed HCL.

export interface ParsedConfigMap {
  readonly name: unknown;
  readonly namespace: unknown;
  readonly data: unknown;
}

export function parsedConfigMap(text: string): ParsedConfigMap {
  const doc = parse(text) as { metadata?: { name?: unknown; namespace?: unknown }; data?: unknown };
  return { name: doc.metadata?.name, namespace: doc.metadata?.namespace, data: doc.data };
}

const TERRAFORM = '/usr/local/bin/terraform';

/** Asserts `terraform fmt` leaves each fixed HCL text unchanged; skips (saying so) when terraform is not installed. */
export function assertFmtClean(t: { skip(message: string): void }, texts: readonly string[]): void {
  if (!existsSync(TERRAFORM)) return t.skip(`terraform not installed at ${TERRAFORM}: fmt check skipped`);
  for (const text of texts) {
    const r = spawnSync(TERRAFORM, ['fmt', '-'], { input: text, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, text);
  }
}

test('parsedConfigMap reads metadata and data the way kubectl decodes them', () => {
  const cm = parsedConfigMap('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: |\n    v\n');
  assert.deepEqual(cm, { name: 'a', namespace: undefined, data: { k: 'v\n' } });
});

/**
 * Every YAML fix output of a rule's cases, parsed back: still kube-system/coredns-custom, every data value a
 * string, every key a CoreDNS key. The cases' `output` texts are the fix results the rule tester compared.
 */
export function assertYamlOutputsParseBack(cases: RuleCases): void {
  let checked = 0;
  for (const c of cases.invalid) {
    for (const [path, text] of c.output?.files ?? []) {
      if (!/\.ya?ml$/.test(path)) continue;
      const cm = parsedConfigMap(text);
      assert.equal(cm.name, 'coredns-custom', `${path}: ${c.name}`);
      assert.equal(cm.namespace, 'kube-system', `${path}: ${c.name}`);
      for (const [key, value] of Object.entries((cm.data ?? {}) as Record<string, unknown>)) {
        assert.equal(typeof value, 'string', `${key} in ${c.name}`);
        assert.match(key, /\.(override|server)$/, `${key} in ${c.name}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 0, 'no YAML outputs to check');
}
