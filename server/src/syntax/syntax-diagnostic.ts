import type { TextRange } from '../text/text-range';

/** A problem found while parsing one file. Parsers return these; they never throw. */
export interface SyntaxDiagnostic {
  readonly message: string;
  readonly range: TextRange;
  readonly severity: 'error' | 'warning';
  /** e.g. the opening bracket that a missing closer belongs to */
  readonly related?: readonly { readonly message: string; readonly range: TextRange }[];
}
