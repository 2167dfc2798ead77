import { LineIndex } from '../text/line-index';
import { intersects, type TextRange } from '../text/text-range';
import { findingKey, type Finding, type FileEdit } from './editor-finding';
import { ignoreCommentEdit } from './suppression';

// Code actions as plain data: which edits, which findings they resolve. The LSP layer only converts them.

export type ActionKind = 'quickfix' | 'source.fixAll.aksLint';

export interface EditorAction {
  readonly title: string;
  readonly kind: ActionKind;
  readonly isPreferred?: boolean;
  readonly edits: readonly FileEdit[];
  /** keys (findingKey) of the findings this action addresses */
  readonly findingKeys: readonly string[];
  /** set instead of edits for "Show rule documentation" */
  readonly openDocsFor?: { readonly code: string; readonly name: string };
}

/** Actions for the findings of `file` that touch `range`: their fixes, fix-all, ignore-on-line, docs. */
export function codeActionsAt(findings: readonly Finding[], file: string, text: string, range: TextRange): EditorAction[] {
  const inFile = findings.filter((f) => f.file === file);
  const here = inFile.filter((f) => intersects(f.range, range));
  const actions: EditorAction[] = [];
  const lines = new LineIndex(text);
  const seenCodes = new Set<string>();
  for (const f of here) {
    const key = findingKey(f);
    (f.fixes ?? []).forEach((fix, i) =>
      actions.push({ title: fix.title, kind: 'quickfix', isPreferred: i === 0, edits: fix.edits, findingKeys: [key] }),
    );
    if (seenCodes.has(f.code)) continue;
    seenCodes.add(f.code);
    const sameCode = inFile.filter((g) => g.code === f.code && (g.fixes?.length ?? 0) > 0);
    if (sameCode.length > 1) {
      const all = fixAllEdits(sameCode);
      actions.push({ title: `Fix all ${f.code} in this file`, kind: 'quickfix', edits: all.edits, findingKeys: all.keys });
    }
    const ignore = ignoreCommentEdit(text, lines, lines.positionAt(f.range.start).line, f.code);
    actions.push({ title: `Ignore ${f.code} on this line`, kind: 'quickfix', edits: [{ file, ...ignore }], findingKeys: [key] });
    actions.push({ title: `Show documentation for ${f.code} (${f.name})`, kind: 'quickfix', edits: [], findingKeys: [key], openDocsFor: { code: f.code, name: f.name } });
  }
  return actions;
}

/** source.fixAll: the preferred fix of every fixable finding in the file, skipping fixes that overlap an earlier one. */
export function fixAllAction(findings: readonly Finding[], file: string): EditorAction | undefined {
  const all = fixAllEdits(findings.filter((f) => f.file === file && (f.fixes?.length ?? 0) > 0));
  if (all.edits.length === 0) return undefined;
  return { title: 'Fix all AKS Lint problems', kind: 'source.fixAll.aksLint', edits: all.edits, findingKeys: all.keys };
}

/**
 * Combines the first fix of each finding. A fix whose edits overlap an already accepted edit is left out whole
 * (the user runs fix-all again), so one fix is never half-applied.
 */
export function fixAllEdits(findings: readonly Finding[]): { edits: FileEdit[]; keys: string[] } {
  const edits: FileEdit[] = [];
  const keys: string[] = [];
  const sorted = [...findings].sort((a, b) => a.range.start - b.range.start);
  for (const f of sorted) {
    const fix = f.fixes?.[0];
    if (!fix) continue;
    const clash = fix.edits.some((e) => edits.some((a) => a.file === e.file && overlaps(a.range, e.range)));
    if (clash) continue;
    edits.push(...fix.edits);
    keys.push(findingKey(f));
  }
  return { edits, keys };
}

function overlaps(a: TextRange, b: TextRange): boolean {
  // two insertions at the same offset would be ordered arbitrarily, so they count as overlapping
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}
