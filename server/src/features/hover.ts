import { containsOffset } from '../text/text-range';
import type { Finding, RuleInfo } from './editor-finding';

// Hover text for a position: every finding under it (title, why, fix) followed by the model's own hover content.

export interface HoverInput {
  readonly findings: readonly Finding[];
  readonly file: string;
  readonly offset: number;
  readonly ruleInfo?: (code: string) => RuleInfo | undefined;
  readonly docUrl: (code: string, name: string) => string;
  /** markdown the model has for the node under the cursor (identities, roles, CoreDNS keys, ...) */
  readonly modelHover?: string;
}

export interface HoverResult {
  readonly markdown: string;
  /** range of the first finding under the cursor, to highlight */
  readonly range?: { readonly start: number; readonly end: number };
}

export function hoverAt(input: HoverInput): HoverResult | undefined {
  const here = input.findings.filter((f) => f.file === input.file && inside(f, input.offset));
  const parts = here.map((f) => findingMarkdown(f, input.ruleInfo?.(f.code), input.docUrl(f.code, f.name)));
  if (input.modelHover) parts.push(input.modelHover);
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range: here[0]?.range };
}

function inside(f: Finding, offset: number): boolean {
  // an empty range (an insertion point) still answers a hover on its offset
  return containsOffset(f.range, offset) || (f.range.start === f.range.end && f.range.start === offset);
}

function findingMarkdown(f: Finding, rule: RuleInfo | undefined, url: string): string {
  const title = rule?.title ?? f.name;
  const lines = [`**${f.code}** ${escapeMd(title)} — [${f.name}](${url})`, '', escapeMd(f.message)];
  if (rule?.summary) lines.push('', `*Why:* ${rule.summary}`);
  const fixes = f.fixes ?? [];
  if (fixes.length > 0) lines.push('', `*Fix:* ${fixes.map((x) => escapeMd(x.title)).join('; ')} (quick fix available)`);
  return lines.join('\n');
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}
