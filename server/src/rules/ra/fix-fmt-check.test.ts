import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { applyEdits } from '../../text/text-edit';
import type { Rule } from '../kit/define-rule';
import type { Fixture } from '../kit/fixture';
import { lintFixture } from '../kit/rule-tester';

// Test-only: applies EVERY fix of every finding (the rule tester applies only the preferred one) and checks that
// each changed .tf file is what `terraform fmt` would write. Skips, saying so, when terraform is not installed.

const TERRAFORM = '/usr/local/bin/terraform';

export function fmtOf(text: string): string {
  const r = spawnSync(TERRAFORM, ['fmt', '-'], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Returns the fixed texts (fix title -> path -> text) so a test can also assert their content. */
export function checkAllFixesFmtClean(t: { skip(msg: string): void }, rule: Rule, fixture: Fixture): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const findings = lintFixture(rule, fixture.files);
  assert.ok(findings.some((f) => f.fixes?.length), 'fixture yields no fixes');
  for (const f of findings) {
    for (const fx of f.fixes ?? []) {
      const texts = new Map<string, string>();
      for (const path of new Set(fx.edits.map((e) => e.file))) {
        const fixed = applyEdits(fixture.files.get(path) ?? '', fx.edits.filter((e) => e.file === path));
        assert.ok(fixed !== undefined, `${fx.title}: overlapping edits`);
        texts.set(path, fixed);
      }
      out.set(fx.title, texts);
    }
  }
  if (!existsSync(TERRAFORM)) {
    t.skip('terraform not installed: fmt check skipped');
    return out;
  }
  for (const [title, texts] of out) {
    for (const [path, text] of texts) if (/\.tf(vars)?$/.test(path)) assert.equal(text, fmtOf(text), `${title}: ${path} is not terraform fmt clean`);
  }
  return out;
}
