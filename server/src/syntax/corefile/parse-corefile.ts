import type { TextRange } from '../../text/text-range';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';
import type {
  Corefile, CorefileBlock, CorefileDirective, CorefileParseResult, CorefileServerBlock, CorefileServerKey, CorefileToken,
} from './corefile-ast';
import { tokenizeCorefile } from './tokenize-corefile';

// Corefile structure: server blocks `KEY [KEY...] {`, plugin lines (first token on a line inside a block), nested
// { } blocks. Recovers from any brace mistake with a diagnostic; never throws.

/**
 * `mode` 'servers' parses a whole Corefile or a coredns-custom `.server` value; 'directives' parses an `.override`
 * value, which AKS pastes inside the default `.:53 { }` block, so it holds plugin lines only.
 */
export function parseCorefile(text: string, mode: Corefile['mode'] = 'servers'): CorefileParseResult {
  const lexed = tokenizeCorefile(text);
  const p = new Parser(lexed.tokens, lexed.diagnostics);
  const serverBlocks: CorefileServerBlock[] = [];
  const directives: CorefileDirective[] = [];
  if (mode === 'directives') directives.push(...p.body(undefined));
  else p.servers(serverBlocks, directives);
  const corefile: Corefile = { mode, serverBlocks, directives, tokens: lexed.tokens, comments: lexed.comments };
  return { corefile, diagnostics: p.diagnostics };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly CorefileToken[], readonly diagnostics: SyntaxDiagnostic[]) {}

  servers(out: CorefileServerBlock[], imports: CorefileDirective[]): void {
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (t.kind === 'close') {
        this.unexpectedClose(t);
        continue;
      }
      if (t.kind === 'word' && t.value === 'import') {
        imports.push(this.directive());
        continue;
      }
      const keyTokens = t.kind === 'open' ? [] : this.keys();
      const keys = keyTokens.map(serverKey);
      if (keyTokens.length === 0) this.error("Server block has no address before '{'", t.range);
      const open = this.tokens[this.pos]; // may be the first token of the next line, as Caddy allows
      if (open?.kind === 'open') {
        this.pos++;
        const block = this.block(open);
        out.push({ keys, isSnippet: isSnippet(keys), block, directives: block.directives, range: span(t.range, block.range) });
        continue;
      }
      // Caddy allows one server block without braces: everything after the keys belongs to it.
      if (out.length > 0) this.error("Expected '{' after the server block address", keyTokens[keyTokens.length - 1].range);
      const directives = this.body(undefined);
      const last = directives.length > 0 ? directives[directives.length - 1].range : t.range;
      out.push({ keys, isSnippet: isSnippet(keys), block: undefined, directives, range: span(t.range, last) });
    }
  }

  /** Plugin lines until the matching '}' (when `opener` is given) or the end of the tokens. */
  body(opener: CorefileToken | undefined): CorefileDirective[] {
    const out: CorefileDirective[] = [];
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (t.kind === 'close') {
        if (opener) return out;
        this.unexpectedClose(t);
        continue;
      }
      if (t.kind === 'open') {
        // A '{' with no directive name in front: parse its content so the braces stay balanced, keep it as ''.
        this.error("'{' without a directive name", t.range);
        this.pos++;
        const block = this.block(t);
        out.push({ name: '', nameToken: t, args: [], block, range: block.range });
        continue;
      }
      out.push(this.directive());
    }
    return out;
  }

  private directive(): CorefileDirective {
    const nameToken = this.tokens[this.pos++];
    const args: CorefileToken[] = [];
    let next = this.tokens[this.pos];
    while (next && sameLine(nameToken, args, next) && (next.kind === 'word' || next.kind === 'string')) {
      args.push(next);
      next = this.tokens[++this.pos];
    }
    let block: CorefileBlock | undefined;
    if (next?.kind === 'open' && sameLine(nameToken, args, next)) {
      this.pos++;
      block = this.block(next);
    }
    const end = block ? block.range : args.length > 0 ? args[args.length - 1].range : nameToken.range;
    return { name: nameToken.value, nameToken, args, block, range: span(nameToken.range, end) };
  }

  private block(open: CorefileToken): CorefileBlock {
    const directives = this.body(open);
    const close = this.tokens[this.pos];
    if (close?.kind === 'close') {
      this.pos++;
      return { open: open.range, close: close.range, directives, range: span(open.range, close.range) };
    }
    this.diagnostics.push({
      message: "Missing '}'",
      range: { start: open.range.start, end: open.range.end },
      severity: 'error',
      related: [{ message: "'{' opened here", range: open.range }],
    });
    const last = directives.length > 0 ? directives[directives.length - 1].range : open.range;
    return { open: open.range, close: undefined, directives, range: span(open.range, last) };
  }

  /** Server keys: tokens on the first line, continued on the next line after a trailing comma. */
  private keys(): CorefileToken[] {
    const out: CorefileToken[] = [];
    let line = this.tokens[this.pos].line;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (t.kind === 'open' || t.kind === 'close' || t.line !== line) break;
      out.push(t);
      this.pos++;
      const nextLine = this.tokens[this.pos]?.line;
      if (t.raw.endsWith(',') && nextLine !== undefined && nextLine > line) line = nextLine;
    }
    return out;
  }

  private unexpectedClose(t: CorefileToken): void {
    this.error("Unexpected '}' with no matching '{'", t.range);
    this.pos++;
  }

  private error(message: string, range: TextRange): void {
    this.diagnostics.push({ message, range, severity: 'error' });
  }
}

function sameLine(name: CorefileToken, args: readonly CorefileToken[], next: CorefileToken): boolean {
  // a quoted argument may span lines; the next token continues the line the previous token ended on
  const prev = args.length > 0 ? args[args.length - 1] : name;
  const prevEndLine = prev.line + (prev.kind === 'string' ? countNewlines(prev.raw) : 0);
  return next.line === prevEndLine;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function span(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function isSnippet(keys: readonly CorefileServerKey[]): boolean {
  return keys.length === 1 && /^\(.+\)$/.test(keys[0].text);
}

/** `[scheme://]zone[:port]`, IPv6 in brackets; a key like ":53" is the root zone. */
export function serverKey(token: CorefileToken): CorefileServerKey {
  const text = token.value.replace(/,$/, '');
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const scheme = m ? m[1].toLowerCase() : undefined;
  const rest = m ? text.slice(m[0].length) : text;
  let zone = rest;
  let port: string | undefined;
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
  if (bracket) {
    zone = bracket[1];
    port = bracket[2];
  } else {
    const idx = rest.lastIndexOf(':');
    if (idx >= 0 && /^(\d*|\{\$[^}]+\})$/.test(rest.slice(idx + 1))) {
      zone = rest.slice(0, idx);
      port = rest.slice(idx + 1);
    }
  }
  return { token, text, scheme, zone: zone === '' ? '.' : zone.toLowerCase(), port: port || undefined };
}
