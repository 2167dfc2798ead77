import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { EditorAction } from '../features/code-actions';
import { findingKey, type Finding, type FileEdit } from '../features/editor-finding';
import type { Severity } from '../rules/kit/define-rule';
import { LineIndex } from '../text/line-index';
import type { TextRange } from '../text/text-range';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, ruleDocUrl, type DiagnosticData } from './protocol';

// Offsets <-> LSP positions and engine data <-> LSP types. The only place that knows both shapes.

/** Resolves a file key (what the engine calls `file`) to its URI and current text. */
export interface FileResolver {
  uriOf(file: string): string;
  lineIndexOf(file: string): LineIndex | undefined;
}

export function toRange(lines: LineIndex, r: TextRange): Range {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

export function fromRange(lines: LineIndex, r: Range): TextRange {
  return { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding, lines: LineIndex, files: FileResolver): Diagnostic {
  // no fix count: fixes are worked out when a quick fix is asked for, not for every diagnostic published
  const data: DiagnosticData = { code: f.code, key: findingKey(f), messageId: f.messageId };
  const related = (f.related ?? []).flatMap((r) => {
    const li = files.lineIndexOf(r.file);
    return li ? [{ location: { uri: files.uriOf(r.file), range: toRange(li, r.range) }, message: r.message }] : [];
  });
  return {
    range: toRange(lines, f.range),
    severity: severities[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code, f.name) },
    source: DIAGNOSTIC_SOURCE,
    message: `${f.message} (${f.name})`,
    relatedInformation: related.length > 0 ? related : undefined,
    data,
  };
}

export function toWorkspaceEdit(edits: readonly FileEdit[], files: FileResolver): WorkspaceEdit | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) {
    const li = files.lineIndexOf(e.file);
    if (!li) return undefined; // an edit into a file we cannot see would be applied blind
    (changes[files.uriOf(e.file)] ??= []).push({ range: toRange(li, e.range), newText: e.newText });
  }
  return { changes };
}

/** `diagnostics` are the client's diagnostics in the request context; actions list the ones they resolve. */
export function toCodeAction(a: EditorAction, diagnostics: readonly Diagnostic[], files: FileResolver, showDocsCommand: string): CodeAction | undefined {
  const resolved = diagnostics.filter((d) => a.findingKeys.includes((d.data as DiagnosticData | undefined)?.key ?? ''));
  const kind = a.kind === 'source.fixAll.aksLint' ? FIX_ALL_KIND : CodeActionKind.QuickFix;
  if (a.openDocsFor) {
    const url = ruleDocUrl(a.openDocsFor.code, a.openDocsFor.name);
    return { title: a.title, kind, diagnostics: resolved, command: { title: a.title, command: showDocsCommand, arguments: [url] } };
  }
  const edit = toWorkspaceEdit(a.edits, files);
  if (!edit) return undefined;
  return { title: a.title, kind, isPreferred: a.isPreferred, diagnostics: resolved.length > 0 ? resolved : undefined, edit };
}
