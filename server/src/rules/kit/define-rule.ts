import type { TextRange } from '../../text/text-range';
import type { FileKind, Workspace, WorkspaceFile } from '../../model/workspace';
import type { CheckQueries } from './check-queries';

// The rule contract. A rule is metadata plus a pure generator over the workspace model; the engine turns its
// reports into findings, applies configuration and suppressions, and isolates crashes.

export type Severity = 'error' | 'warning' | 'info';

export type Category = 'security' | 'reliability' | 'cost' | 'operations' | 'correctness' | 'syntax';

export interface RuleDocs {
  /** one sentence: what goes wrong (tree view, SARIF shortDescription, hover) */
  readonly summary: string;
  /** markdown: why it matters and how to fix it */
  readonly rationale: string;
  readonly links: readonly string[];
}

/** One text edit in one workspace file (offsets into that file's current text). */
export interface FileEdit {
  readonly file: string;
  readonly range: TextRange;
  readonly newText: string;
}

/** A fix is plain data, possibly spanning files. The first fix a report carries is the preferred one. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly FileEdit[];
}

export interface RelatedLocation {
  readonly file: string;
  readonly range: TextRange;
  readonly message: string;
}

/** Placeholder values; `undefined` is allowed so reports built from a union of literals type-check, and renders as the bare `{name}`. */
export type MessageData = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Fixes worked out when they are asked for, from the snapshot being fixed (`ctx`: for a file rule, the checked file's
 * context). The editor asks only when the user looks at a finding's quick fixes, and most findings are never fixed: a
 * file with a hundred clusters would otherwise build a hundred fixes on every keystroke. The CLI and tests ask at once.
 */
export type LazyFixes = (ctx: CheckContext) => readonly Fix[];

/** What `check` yields. `messageId` is one of the rule's `messages` keys; `{placeholders}` are filled from `data`. */
export interface Report<M extends string = string> {
  readonly messageId: M;
  readonly data?: MessageData;
  readonly file: string;
  readonly range: TextRange;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[] | LazyFixes;
}

/** Given to every check. Reads go through it so the engine knows which inputs a rule depends on. */
export interface CheckContext extends CheckQueries {
  /** The whole snapshot. Reading it makes the rule depend on every file (prefer the narrower queries). */
  readonly workspace: Workspace;
}

/** Given to file-scoped checks, once per file whose kind the rule accepts. */
export interface FileCheckContext extends CheckContext {
  readonly file: WorkspaceFile;
}

interface RuleMetaBase<M extends string> {
  /** stable catalogue code, e.g. `AKS-RA-001` */
  readonly code: string;
  /** kebab-case, says what is checked; equals the module's file name */
  readonly name: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<M, string>>;
  /** severities of messages that differ from `severity` (the catalogue's "error / warning" rules) */
  readonly messageSeverity?: Readonly<Partial<Record<M, Severity>>>;
  /** must be true for a rule that yields fixes (the engine drops fixes otherwise and reports nothing) */
  readonly fixable: boolean;
}

export interface FileRuleSpec<M extends string> extends RuleMetaBase<M> {
  /** 'file': checked per file (cheap, per keystroke); cached by that file's content and whatever else it reads */
  readonly scope: 'file';
  /** file kinds the check receives; all kinds when omitted */
  readonly fileKinds?: readonly FileKind[];
  check(ctx: FileCheckContext): Iterable<Report<M>>;
}

export interface WorkspaceRuleSpec<M extends string> extends RuleMetaBase<M> {
  /** 'workspace' (the default): checked once over the whole snapshot */
  readonly scope?: 'workspace';
  check(ctx: CheckContext): Iterable<Report<M>>;
}

export type RuleSpec<M extends string> = FileRuleSpec<M> | WorkspaceRuleSpec<M>;

/** A defined rule: the spec with `scope` resolved. */
export type Rule<M extends string = string> =
  | (FileRuleSpec<M> & { readonly scope: 'file' })
  | (WorkspaceRuleSpec<M> & { readonly scope: 'workspace' });

/** Metadata without the check: what docs, SARIF and hovers read. */
export type RuleMeta = Omit<RuleMetaBase<string>, 'messages' | 'messageSeverity'> & {
  readonly messages: Readonly<Record<string, string>>;
  readonly messageSeverity?: Readonly<Partial<Record<string, Severity>>>;
  readonly scope: 'file' | 'workspace';
};

const CODE_RE = /^AKS-[A-Z]+-\d{3}$/;
const NAME_RE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PLACEHOLDER_RE = /\{(\w+)\}/g;

/**
 * Declares a rule. Validates the metadata eagerly (a malformed rule fails at import, in every test) and types
 * `messageId` from the keys of `messages`.
 */
export function defineRule<const M extends string>(spec: FileRuleSpec<M>): Rule<M>;
export function defineRule<const M extends string>(spec: WorkspaceRuleSpec<M>): Rule<M>;
export function defineRule<const M extends string>(spec: RuleSpec<M>): Rule<M> {
  if (!CODE_RE.test(spec.code)) throw new Error(`rule code "${spec.code}" must look like AKS-XX-001`);
  if (!NAME_RE.test(spec.name)) throw new Error(`rule name "${spec.name}" must be kebab-case`);
  if (Object.keys(spec.messages).length === 0) throw new Error(`rule ${spec.code} declares no messages`);
  if (!spec.docs.summary.trim()) throw new Error(`rule ${spec.code} has an empty docs.summary`);
  for (const id of Object.keys(spec.messageSeverity ?? {})) {
    if (!(id in spec.messages)) throw new Error(`rule ${spec.code}: messageSeverity names unknown message "${id}"`);
  }
  const rule = { ...spec, scope: spec.scope ?? 'workspace' } as Rule<M>;
  return Object.freeze(rule);
}

/** Fills `{placeholders}` from data; a missing value stays visible as `{name}` rather than silently vanishing. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  return template.replace(PLACEHOLDER_RE, (whole, key: string) => (data?.[key] !== undefined ? String(data[key]) : whole));
}

/** A finding's stable id: code + messageId, never the message text. */
export function findingId(code: string, messageId: string): string {
  return `${code}/${messageId}`;
}

/** True for a value that is a defined rule (used by the registry generator and meta tests). */
export function isRule(value: unknown): value is Rule {
  const v = value as Partial<Rule> | null;
  return !!v && typeof v === 'object' && typeof v.code === 'string' && typeof v.name === 'string' && typeof v.check === 'function';
}
