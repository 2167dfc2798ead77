import { CST, Lexer, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { TextRange } from '../../text/text-range';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';

// Adapter over eemeli/yaml: a multi-document stream with offset ranges. The composed yaml nodes are kept as
// they are (no copies); model/kubernetes wraps them lazily. Nothing here throws.

export type { Node as YamlNode, Scalar as YamlScalar, YAMLMap as YamlMap, YAMLSeq as YamlSeq, Pair as YamlPair } from 'yaml';
export { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';

export interface YamlDocument {
  readonly index: number;
  /** from the document's first token to its end (incl. the `---` marker when present) */
  readonly range: TextRange;
  /** the composed document; `contents` is null for an empty document */
  readonly doc: Document.Parsed;
  readonly hasErrors: boolean;
}

export interface YamlComment {
  /** from `#` to the end of the line (line break excluded) */
  readonly range: TextRange;
  /** text after `#` */
  readonly text: string;
}

export interface YamlStream {
  readonly text: string;
  readonly documents: readonly YamlDocument[];
  /** YAML errors (severity error) and warnings, ranges in `text` */
  readonly diagnostics: readonly SyntaxDiagnostic[];
  /** all comments in order; computed on first access */
  readonly comments: readonly YamlComment[];
}

export function parseYaml(text: string): YamlStream {
  let docs: Document.Parsed[] = [];
  const diagnostics: SyntaxDiagnostic[] = [];
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false });
    docs = [...parsed];
    // An empty stream (only comments/whitespace) has no documents but may still carry stream-level errors.
    if ('empty' in parsed) for (const e of parsed.errors) diagnostics.push(toDiagnostic(e, 'error', text.length));
  } catch (err) {
    // The yaml package is not supposed to throw; if it does, the file gets one diagnostic instead of a crash.
    diagnostics.push({ message: `YAML parser failed: ${String(err)}`, range: { start: 0, end: 0 }, severity: 'error' });
  }
  const documents = docs.map((doc, index): YamlDocument => {
    // Duplicate keys are legal to PyYAML and go-yaml v2 (kubectl's non-strict decoding): a warning, not a syntax error.
    for (const e of doc.errors) diagnostics.push(toDiagnostic(e, e.code === 'DUPLICATE_KEY' ? 'warning' : 'error', text.length));
    for (const w of doc.warnings) diagnostics.push(toDiagnostic(w, 'warning', text.length));
    const [start, , end] = doc.range;
    return { index, range: { start, end }, doc, hasErrors: doc.errors.some((e) => e.code !== 'DUPLICATE_KEY') };
  });
  return new Stream(text, documents, diagnostics);
}

class Stream implements YamlStream {
  private cachedComments: readonly YamlComment[] | undefined;
  constructor(
    readonly text: string,
    readonly documents: readonly YamlDocument[],
    readonly diagnostics: readonly SyntaxDiagnostic[],
  ) {}

  get comments(): readonly YamlComment[] {
    this.cachedComments ??= scanComments(this.text);
    return this.cachedComments;
  }
}

function toDiagnostic(e: YAMLError, severity: 'error' | 'warning', textLength: number): SyntaxDiagnostic {
  const start = Math.min(Math.max(0, e.pos[0]), textLength);
  const end = Math.min(Math.max(start, e.pos[1]), textLength);
  return { message: `${e.message} (${e.code})`, range: { start, end }, severity };
}

/**
 * Comments from the yaml lexer, so `#` inside scalars is never mistaken for one. Offsets are rebuilt the way the
 * yaml parser does it: the doc-mode, flow-error-end and scalar marker tokens occupy no source text.
 */
export function scanComments(text: string): YamlComment[] {
  const out: YamlComment[] = [];
  let offset = 0;
  let atScalar = false;
  try {
    for (const token of new Lexer().lex(text)) {
      if (atScalar) {
        atScalar = false;
        offset += token.length;
        continue;
      }
      const type = CST.tokenType(token);
      if (type === 'scalar') atScalar = true;
      else if (type === 'doc-mode' || type === 'flow-error-end') continue;
      else {
        if (type === 'comment') out.push({ range: { start: offset, end: offset + token.length }, text: token.slice(1) });
        offset += token.length;
      }
    }
  } catch {
    // The lexer does not throw on bad input; keep whatever was found if it ever does.
  }
  return out;
}
