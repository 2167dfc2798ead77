import type { CorefileServerBlock, CorefileToken } from '../../syntax/corefile/corefile-ast';
import type { TextRange } from '../../text/text-range';
import { overrideVerdict } from '../../model/coredns/aks-default';
import type { FileEdit, Fix } from '../kit/define-rule';
import { lineStartAt, nextLineStart, type SourceText } from '../kit/fix-text';
import type { CorefileValue } from './coredns-configmaps';
import { blockHeader, renameKey } from './yaml-lines';

// A `.server` value that redeclares `.:53 { ... }`: its plugins belong in an `.override` key, which AKS pastes
// into the default block. The fix renames the key, deletes the wrapper lines and the plugins the default block
// already has (once-only, a second copy would fail to load), and leaves the other lines as written.

export function defaultBlockToOverrideFix(file: SourceText, cv: CorefileValue, sb: CorefileServerBlock, takenKeys: readonly string[]): Fix | undefined {
  const cf = cv.parsed.corefile;
  if (cf.serverBlocks.length !== 1 || cf.directives.length > 0 || sb.keys.length !== 1 || !sb.block?.close) return undefined;
  if (cv.parsed.diagnostics.length > 0 || cv.entry.contentStart === undefined) return undefined;
  const header = blockHeader(file.text, cv.entry.entry);
  if (!header || /\d/.test(header)) return undefined;
  const key = `${cv.entry.key.slice(0, -'.server'.length)}.override`;
  if (takenKeys.includes(key)) return undefined;

  const spans: TextRange[] = [{ start: sb.keys[0].token.range.start, end: sb.block.open.end }, sb.block.close];
  const kept = sb.directives.filter((d) => {
    const verdict = overrideVerdict(d.name);
    if (verdict.allowed) return true;
    if (verdict.reason === 'once-only-already-in-default') spans.push(d.range);
    return false;
  });
  if (kept.length === 0 || kept.length + spans.length - 2 !== sb.directives.length) return undefined;

  const inSpan = (t: CorefileToken) => spans.some((s) => s.start <= t.range.start && t.range.end <= s.end);
  const deletedLines = new Set(cf.tokens.filter(inSpan).map((t) => t.line));
  if (cf.tokens.some((t) => deletedLines.has(t.line) && !inSpan(t))) return undefined;
  if (cf.comments.some((c) => deletedLines.has(lineOf(cv.text, c.range.start)))) return undefined;

  const lines = cv.text.split('\n');
  const rest = lines.filter((l, i) => !deletedLines.has(i) && l.trim() !== '');
  const base = rest.length ? rest[0].length - rest[0].trimStart().length : 0;
  if (rest.some((l) => l.length - l.trimStart().length < base)) return undefined;

  const edits: FileEdit[] = [renameKey(file, cv.entry.keyRange, key)];
  let offset = 0;
  lines.forEach((l, i) => {
    if (deletedLines.has(i)) {
      const at = offset + (l.length - l.trimStart().length);
      const src = cv.map({ start: at, end: at + 1 }).start;
      edits.push({ file: file.path, range: { start: lineStartAt(file.text, src), end: nextLineStart(file.text, src) }, newText: '' });
    }
    offset += l.length + 1;
  });
  return { title: `Rename to "${key}" and drop the ".:53 { }" wrapper`, edits };
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
