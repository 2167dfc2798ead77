import type { TextRange } from '../../text/text-range';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';

// Corefile (CoreDNS's Caddyfile dialect) tree. Ranges are offsets into the text given to the parser; for text that
// came from a YAML value, map them back with the value's mapRange(). Nothing here knows about AKS.

export type CorefileTokenKind = 'word' | 'string' | 'open' | 'close';

export interface CorefileToken {
  readonly kind: CorefileTokenKind;
  /** raw source text (quotes included for strings) */
  readonly raw: string;
  /** value with quotes removed and \" unescaped */
  readonly value: string;
  readonly range: TextRange;
  /** 0-based line of the token start */
  readonly line: number;
  /** contains an environment placeholder {$NAME} (or {%NAME%}) */
  readonly hasEnv: boolean;
}

export interface CorefileComment {
  readonly range: TextRange;
  /** text after '#' */
  readonly text: string;
}

export interface CorefileBlock {
  readonly open: TextRange;
  /** undefined when the closing brace is missing (a diagnostic says so) */
  readonly close: TextRange | undefined;
  readonly directives: readonly CorefileDirective[];
  /** from '{' to '}' (or to the last directive when unclosed) */
  readonly range: TextRange;
}

/** A plugin line (or a sub-directive inside a plugin's block): name, args on the same line, optional { } block. */
export interface CorefileDirective {
  readonly name: string;
  readonly nameToken: CorefileToken;
  readonly args: readonly CorefileToken[];
  readonly block: CorefileBlock | undefined;
  /** from the name to the end of the last arg or the closing brace */
  readonly range: TextRange;
}

export interface CorefileServerKey {
  readonly token: CorefileToken;
  /** the key without a trailing comma, e.g. "dns://example.org:53" */
  readonly text: string;
  /** scheme without "://" ('dns', 'tls', 'https', 'grpc', ...); undefined when not written */
  readonly scheme: string | undefined;
  /** zone as written, '.' for the root; lower-cased */
  readonly zone: string;
  /** port text when written ("53"), else undefined */
  readonly port: string | undefined;
}

export interface CorefileServerBlock {
  readonly keys: readonly CorefileServerKey[];
  /** a `(name) { ... }` snippet for import, not a server */
  readonly isSnippet: boolean;
  /** undefined for a brace-less server block (allowed as the only block); then `directives` holds its lines */
  readonly block: CorefileBlock | undefined;
  readonly directives: readonly CorefileDirective[];
  readonly range: TextRange;
}

export interface Corefile {
  /** 'servers': a whole Corefile / `.server` value; 'directives': an `.override` value (plugin lines only) */
  readonly mode: 'servers' | 'directives';
  readonly serverBlocks: readonly CorefileServerBlock[];
  /** top-level plugin lines (mode 'directives'), or top-level `import` lines (mode 'servers') */
  readonly directives: readonly CorefileDirective[];
  readonly tokens: readonly CorefileToken[];
  readonly comments: readonly CorefileComment[];
}

export interface CorefileParseResult {
  readonly corefile: Corefile;
  readonly diagnostics: readonly SyntaxDiagnostic[];
}

/** Every directive in the file, depth first, with the block-nesting depth (0 = plugin line, 1 = its sub-directive). */
export function* allDirectives(cf: Corefile): Generator<{ directive: CorefileDirective; depth: number }> {
  function* walk(list: readonly CorefileDirective[], depth: number): Generator<{ directive: CorefileDirective; depth: number }> {
    for (const d of list) {
      yield { directive: d, depth };
      if (d.block) yield* walk(d.block.directives, depth + 1);
    }
  }
  yield* walk(cf.directives, 0);
  for (const sb of cf.serverBlocks) yield* walk(sb.directives, 0);
}
