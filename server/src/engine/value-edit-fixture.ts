import { Workspace } from '../model/workspace';
import type { Attribute, BodyItem } from '../syntax/hcl/ast';
import type { Finding } from './finding';
import { RuleRunner } from './run';

// Test fixture: value edits as a user types them (a digit, a letter, true/false), and findings with their fixes as
// comparable text. Used by the engine's and the corpus's value-edit tests.

/**
 * The attributes of resource and data blocks (nested blocks too) of a .tf file whose value is a number, a bool or a
 * quoted string (interpolations allowed: the edit goes beside them).
 */
export function literalAttributes(ws: Workspace, path: string): Attribute[] {
  const out: Attribute[] = [];
  const visit = (items: readonly BodyItem[], top: boolean): void => {
    for (const item of items) {
      if (item.kind === 'Block') {
        if (top && item.type.name !== 'resource' && item.type.name !== 'data') continue;
        if (item.type.name !== 'dynamic') visit(item.body.items, false);
      } else if (!top && ['Number', 'Bool', 'Template'].includes(item.value.kind)) {
        const v = item.value;
        if (v.kind !== 'Template' || (!v.heredoc && v.parts.every((p) => p.kind === 'TemplateLiteral' || p.kind === 'TemplateInterp'))) out.push(item);
      }
    }
  };
  const parse = ws.hcl(path);
  if (parse && parse.diagnostics.length === 0) visit(parse.file.body.items, true);
  return out;
}

/** A new value text for `a`, as one keystroke or two would make it: a digit typed over or added, a letter, a bool. */
export function typedValue(text: string, a: Attribute, next: () => number): { start: number; end: number; text: string } {
  const { start, end } = a.value.range;
  const old = text.slice(start, end);
  if (a.value.kind === 'Bool') return { start, end, text: old === 'true' ? 'false' : 'true' };
  if (a.value.kind === 'Number') {
    const at = start + Math.floor(next() * old.length);
    const digit = String(Math.floor(next() * 10));
    // replace a digit (same length) or type one more (longer)
    return /\d/.test(text[at]) && next() < 0.5 ? { start: at, end: at + 1, text: digit } : { start: end, end, text: digit };
  }
  // in a literal part inside the quotes (beside any interpolation): add a letter, or delete one
  const parts = a.value.kind === 'Template' ? a.value.parts.filter((p) => p.kind === 'TemplateLiteral') : [];
  const part = parts[Math.floor(next() * parts.length)];
  const from = part ? part.range.start : start + 1;
  const length = part ? part.range.end - part.range.start : 0;
  const inner = from + Math.floor(next() * length);
  if (length > 0 && next() < 0.4 && /[a-z0-9-]/i.test(text[inner])) return { start: inner, end: inner + 1, text: '' };
  return { start: inner, end: inner, text: 'abcxyz'[Math.floor(next() * 6)] };
}

/** Findings as text, with each one's fixes worked out over `ws` (lazy fixes are functions JSON would drop). */
export function findingsWithFixes(findings: readonly Finding[], ws: Workspace): string {
  return JSON.stringify(findings.map((f) => ({ ...f, fixes: f.fixes ?? f.fixesIn?.(ws), fixesIn: undefined })));
}

/**
 * Types a value into `attribute` of `path`, then runs `runner` (the edited file first when `editedFirst`, as the editor
 * does, then the whole workspace) and a fresh runner on a fresh workspace of the same texts, for comparison.
 */
export function valueEditStep(runner: RuleRunner, ws: Workspace, path: string, attribute: Attribute, next: () => number, editedFirst: boolean) {
  const text = ws.file(path)!.text;
  const e = typedValue(text, attribute, next);
  const edited = ws.withFile(path, text.slice(0, e.start) + e.text + text.slice(e.end));
  if (editedFirst) runner.run(edited, {}, { files: [path] });
  const findings = runner.run(edited);
  const freshWs = Workspace.create(edited.files.map((f) => ({ path: f.path, text: f.text })));
  const expected = new RuleRunner(runner.rules, { lazyFixes: true }).run(freshWs);
  return {
    ws: edited,
    findings,
    actual: findingsWithFixes(findings, edited),
    expected: findingsWithFixes(expected, freshWs),
    label: `${path} ${JSON.stringify(e)}`,
  };
}

/** What the findings say, without where (a value edit shifts ranges after it) */
export function messages(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code} ${f.message}`).sort().join('\n');
}
