import type { SyntaxDiagnostic } from '../../syntax/syntax-diagnostic';
import type { Report } from '../kit/define-rule';

/** Parser diagnostics of one file as reports of a syntax rule, with message id = the diagnostic's severity. */
export function* syntaxReports<M extends 'error' | 'warning'>(file: string, diagnostics: readonly SyntaxDiagnostic[], ids: readonly M[]): Generator<Report<M>> {
  for (const d of diagnostics) {
    if (!ids.includes(d.severity as M)) continue;
    yield {
      messageId: d.severity as M,
      data: { message: d.message },
      file,
      range: d.range,
      related: d.related?.map((r) => ({ file, range: r.range, message: r.message })),
    };
  }
}
