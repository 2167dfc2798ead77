import type { CodeAction } from 'vscode-languageserver/node';
import { codeActionsAt, fixAllAction } from '../../features/code-actions';
import { fromRange, toCodeAction } from '../convert';
import { FIX_ALL_KIND } from '../protocol';
import type { Session } from '../session';
import { SHOW_DOCS_COMMAND } from './initialize';

export function registerCodeAction(session: Session): void {
  session.connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
    const file = session.keys.keyOf(textDocument.uri);
    const lines = session.store.lineIndex(file);
    const text = session.store.text(file);
    if (!lines || text === undefined) return [];
    const findings = session.scheduler.findingsIn(file);
    const only = context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`) || k === 'source');
    const wantsQuickFix = !only || only.some((k) => k === 'quickfix');
    const actions = [];
    if (wantsQuickFix) actions.push(...codeActionsAt(findings, file, text, fromRange(lines, range)));
    if (wantsFixAll) {
      const all = fixAllAction(findings, file);
      if (all) actions.push(all);
    }
    return actions.flatMap((a) => toCodeAction(a, context.diagnostics, session, SHOW_DOCS_COMMAND) ?? []);
  });
}
