import type { CorefileDirective } from '../../syntax/corefile/corefile-ast';
import type { KMap } from '../../model/kubernetes/k-value';
import { keyStemForZone } from '../../model/coredns/custom-content';
import type { FileEdit, Fix } from '../kit/define-rule';
import { insertYamlKey } from '../kit/fix';
import { endsLine, eolOf, lineStartAt, nextLineStart, startsLine, type SourceText } from '../kit/fix-text';
import type { CorefileValue } from './coredns-configmaps';
import { blockHeader, columnOf, entryLines } from './yaml-lines';

// Moves `forward <domain> <upstreams>` out of an `.override` value into a server block of its own, in a `.server`
// key of the same data mapping, written with the override's block scalar header and content indentation.

export function forwardToServerFix(file: SourceText, dataMap: KMap | undefined, cv: CorefileValue, d: CorefileDirective): Fix | undefined {
  const { text } = file;
  const zone = d.args[0]?.value;
  const upstreams = d.args.slice(1).map((a) => a.raw);
  const stem = zone && keyStemForZone(zone);
  if (!dataMap || !stem || zone === '.' || upstreams.length === 0 || d.block || cv.entry.contentStart === undefined) return undefined;
  const keyCol = columnOf(text, cv.entry.keyRange.start);
  const pad = ' '.repeat(Math.max(columnOf(text, cv.entry.contentStart) - keyCol, 1));
  const header = blockHeader(text, cv.entry.entry) ?? '|';
  const taken = (k: string) => dataMap.entries.some((e) => e.key === k);
  const block = (key: string) =>
    [`${key}: ${header}`, `${pad}${zone}:53 {`, `${pad}    errors`, `${pad}    cache 30`, `${pad}    forward . ${upstreams.join(' ')}`, `${pad}}`];
  const eol = eolOf(text);
  const title = (key: string) => `Move "forward ${zone}" into a new server block under "${key}"`;

  const only = cv.parsed.corefile.directives.length === 1 && cv.parsed.corefile.comments.length === 0;
  if (only) {
    const key = `${cv.entry.key.slice(0, -'.override'.length)}.server`;
    if (taken(key)) return undefined;
    const lines = entryLines(text, cv.entry.entry);
    const body = block(key).map((l) => ' '.repeat(keyCol) + l).join(eol);
    return { title: title(key), edits: [{ file: file.path, range: lines, newText: body + eol }] };
  }
  const key = `${stem}.server`;
  if (taken(key)) return undefined;
  const src = cv.map(d.range);
  if (!startsLine(text, src.start) || !endsLine(text, src.end)) return undefined;
  const del = { start: lineStartAt(text, src.start), end: nextLineStart(text, src.end) };
  const insert = insertYamlKey(file, dataMap, block(key).join('\n'));
  if (!insert) return undefined;
  const edits: FileEdit[] = [];
  if (insert.range.start >= del.start && insert.range.start <= del.end) {
    // the forward is the last line of the mapping: the new key takes its place
    edits.push({ file: file.path, range: del, newText: block(key).map((l) => ' '.repeat(keyCol) + l).join(eol) + eol });
  } else {
    edits.push({ file: file.path, range: del, newText: '' }, insert);
  }
  return { title: title(key), edits };
}
