import type { Finding } from '../engine/finding';

// What the editor features read: the engine's findings, plus rule metadata for hovers.

export type { Finding } from '../engine/finding';
export type { FileEdit, Fix } from '../rules/kit/define-rule';

/** What the editor shows about a rule beyond one finding (from rule metadata), for hovers. */
export interface RuleInfo {
  readonly code: string;
  readonly name: string;
  readonly title: string;
  readonly summary?: string;
}

/** A key that identifies a finding within one analysis of its file, independent of its message text. */
export function findingKey(f: Finding): string {
  return `${f.code}:${f.messageId}:${f.range.start}-${f.range.end}`;
}
