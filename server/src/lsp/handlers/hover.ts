import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../../features/hover';
import { toRange } from '../convert';
import { ruleDocUrl } from '../protocol';
import type { Session } from '../session';

export function registerHover(session: Session): void {
  session.connection.onHover(({ textDocument, position }): Hover | null => {
    const file = session.keys.keyOf(textDocument.uri);
    const lines = session.store.lineIndex(file);
    if (!lines) return null;
    const offset = lines.offsetAt(position);
    const result = hoverAt({
      findings: session.scheduler.findingsIn(file),
      file,
      offset,
      ruleInfo: (code) => session.analyzer.ruleInfo(code),
      docUrl: ruleDocUrl,
      modelHover: session.analyzer.modelHover(file, offset),
    });
    if (!result) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: result.markdown },
      range: result.range ? toRange(lines, result.range) : undefined,
    };
  });
}
