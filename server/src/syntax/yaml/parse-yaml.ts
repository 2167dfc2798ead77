import { CST, Lexer, parseAllDocuments, type YAMLError, type YAMLWarning } from 'yaml';
import { readBlockDocument } from './block-reader';
import { fromComposed, type YNode } from './yaml-tree';
import type { TextRange } from '../../text/text-range';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';

// A multi-document YAML stream with offset ranges. Plain block documents are read by the block reader; the yaml
// package composes the rest (and reports every syntax problem). Either way the model gets the compact tree of
// yaml-tree.ts, which model/kubernetes wraps lazily. Nothing here throws.

export type { YAlias, YMap, YNode, YScalar, YSeq, YamlStyle } from './yaml-tree';

/** What is read of a parsed document. */
export interface ParsedDocument {
  /** null for an empty document */
  readonly contents: YNode | null;
  readonly errors: readonly YAMLError[];
  readonly warnings: readonly YAMLWarning[];
  /** [first token, contents end, document end] */
  readonly range: readonly [number, number, number];
}

export interface YamlDocument {
  readonly index: number;
  /** from the document's first token to its end (incl. the `---` marker when present) */
  readonly range: TextRange;
  /** the composed document; `contents` is null for an empty document. Its node ranges are relative to `base`. */
  readonly doc: ParsedDocument;
  /** offset of the parsed chunk in the stream's text: add it to every node range of `doc` */
  readonly base: number;
  /** the chunk's text, which `doc`'s node ranges index */
  readonly source: string;
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

/**
 * Parses a YAML stream. Documents are parsed chunk by chunk (a chunk starts at a `---` line), and chunks whose text
 * equals one of `previous`'s are reused: an edit in a 5,000-line manifest re-parses only the document it touches.
 */
export function parseYaml(text: string, previous?: YamlStream): YamlStream {
  const reuse = previous instanceof Stream ? previous.chunks : undefined;
  const chunks = new Map<string, ChunkParse>();
  const documents: YamlDocument[] = [];
  const diagnostics: SyntaxDiagnostic[] = [];
  for (const [start, end] of chunkBounds(text)) {
    const source = text.slice(start, end);
    // A first reading parses slices of the text, which share its memory. Later versions copy the chunks they parse
    // (ownCopy): the chunks they reuse may then keep only the first version's text alive, never a chain of versions.
    const chunk = chunks.get(source) ?? reuse?.get(source) ?? parseChunk(start === 0 && end === text.length ? text : previous ? ownCopy(source) : source);
    chunks.set(source, chunk);
    for (const e of chunk.streamErrors) diagnostics.push(toDiagnostic(e, 'error', start, text.length));
    for (const doc of chunk.docs) {
      // Duplicate keys are legal to PyYAML and go-yaml v2 (kubectl's non-strict decoding): a warning, not a syntax error.
      for (const e of doc.errors) diagnostics.push(toDiagnostic(e, e.code === 'DUPLICATE_KEY' ? 'warning' : 'error', start, text.length));
      for (const w of doc.warnings) diagnostics.push(toDiagnostic(w, 'warning', start, text.length));
      const [docStart, , docEnd] = doc.range;
      const hasErrors = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
      const range = { start: start + docStart, end: start + docEnd };
      documents.push({ index: documents.length, range, doc, base: start, source: chunk.source, hasErrors });
    }
  }
  return new Stream(text, documents, diagnostics, chunks);
}

interface ChunkParse {
  readonly source: string;
  readonly docs: readonly ParsedDocument[];
  /** errors of a chunk with no document (only comments), which belong to no document */
  readonly streamErrors: readonly YAMLError[];
}

const NO_ERRORS: readonly never[] = Object.freeze([]);

/**
 * A document the block reader read. Its tree can be released (releaseContents) once the model has taken what it keeps
 * of it: a workspace holds thousands of documents whose content no rule reads (Services, Ingresses, CRDs), and every
 * retained node is copied by the young-generation collector while the workspace is read. Reading `contents` after a
 * release reads the chunk again, which gives the same tree (the reader is a pure function of the chunk).
 */
class BlockReadDocument implements ParsedDocument {
  private tree: YNode | undefined;

  constructor(
    private readonly source: string,
    contents: YNode,
    readonly errors: readonly YAMLError[],
    readonly range: readonly [number, number, number],
  ) {
    this.tree = contents;
  }

  get warnings(): readonly YAMLWarning[] {
    return NO_ERRORS;
  }

  get contents(): YNode | null {
    // the chunk was read once without giving up, so it reads again (null only if the reader ever disagreed with itself)
    return (this.tree ??= readBlockDocument(this.source)?.contents) ?? null;
  }

  release(): void {
    this.tree = undefined;
  }
}

/** Drops the document's tree (read again on the next access) when it can be read again; other documents keep theirs. */
export function releaseContents(doc: ParsedDocument): void {
  if (doc instanceof BlockReadDocument) doc.release();
}

function parseChunk(source: string): ChunkParse {
  try {
    // Plain block YAML (most manifests) is read directly; the yaml package composes everything else.
    const fast = readBlockDocument(source);
    if (fast) return { source, docs: [new BlockReadDocument(source, fast.contents, fast.errors, fast.range)], streamErrors: [] };
    const parsed = parseAllDocuments(source, { prettyErrors: false });
    if ('empty' in parsed) return { source, docs: [], streamErrors: parsed.errors };
    // the composed nodes are converted and dropped: only the compact tree and the problems are kept
    const docs = [...parsed].map((d): ParsedDocument => ({ contents: fromComposed(d), errors: d.errors, warnings: d.warnings, range: d.range }));
    return { source, docs, streamErrors: [] };
  } catch (err) {
    // The yaml package is not supposed to throw; if it does, the chunk gets one diagnostic instead of a crash.
    const error = { message: `YAML parser failed: ${String(err)}`, code: 'IMPOSSIBLE', pos: [0, 0] } as unknown as YAMLError;
    return { source, docs: [], streamErrors: [error] };
  }
}

/**
 * A copy of a chunk that does not share memory with the file's text. A substring may point into its parent string
 * (V8 sliced strings), and the parsed nodes keep substrings of the chunk: without the copy, every document reused
 * across edits would keep the whole text of the version it was parsed from alive.
 */
function ownCopy(s: string): string {
  // latin1 keeps a one-byte string one byte per character; other text round-trips through UTF-16 unchanged
  return LATIN1.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : Buffer.from(s, 'utf16le').toString('utf16le');
}

const LATIN1 = /^[\x00-\xff]*$/;

/**
 * [start, end) of each chunk: a new chunk at every line that starts a document (`---` then a space, tab, line break
 * or the end). Leading comment-only text stays with the first document, as in a whole-stream parse. A stream with
 * directives (`%YAML`, `%TAG`) is one chunk: directives apply to the document that follows them.
 */
export function chunkBounds(text: string): [number, number][] {
  if (/^%/m.test(text)) return [[0, text.length]];
  const starts = [0];
  for (let i = text.indexOf('---'); i >= 0; i = text.indexOf('---', i + 3)) {
    if (i > 0 && text.charCodeAt(i - 1) !== 10) continue;
    const next = text.charCodeAt(i + 3);
    if (!(Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13)) continue;
    if (i > 0 && (starts.length > 1 || hasContent(text, 0, i))) starts.push(i);
  }
  return starts.map((s, k) => [s, k + 1 < starts.length ? starts[k + 1] : text.length]);
}

/** Anything but blank lines and comments in text[from, to)? */
function hasContent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    const eol = text.indexOf('\n', i);
    const lineEnd = eol < 0 || eol > to ? to : eol;
    const line = text.slice(i, lineEnd).trim();
    if (line !== '' && !line.startsWith('#')) return true;
    i = lineEnd + 1;
  }
  return false;
}

class Stream implements YamlStream {
  private cachedComments: readonly YamlComment[] | undefined;
  constructor(
    readonly text: string,
    readonly documents: readonly YamlDocument[],
    readonly diagnostics: readonly SyntaxDiagnostic[],
    /** parses by chunk text, for the next version of this text */
    readonly chunks: ReadonlyMap<string, ChunkParse>,
  ) {}

  get comments(): readonly YamlComment[] {
    this.cachedComments ??= scanComments(this.text);
    return this.cachedComments;
  }
}

function toDiagnostic(e: YAMLError, severity: 'error' | 'warning', base: number, textLength: number): SyntaxDiagnostic {
  const start = Math.min(Math.max(0, base + e.pos[0]), textLength);
  const end = Math.min(Math.max(start, base + e.pos[1]), textLength);
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
