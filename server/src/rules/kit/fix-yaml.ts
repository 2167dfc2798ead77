import type { KMap, KScalar } from '../../model/kubernetes/k-value';
import type { FileEdit } from './define-rule';
import { eolOf, lineContentEnd, lineStartAt, type SourceText } from './fix-text';

// YAML fix builders over the Kubernetes model's values: keep the scalar's quote style, give new keys the
// mapping's indentation. Both return undefined when a minimal edit is not possible (flow or block styles),
// so a rule offers no fix rather than a destructive one.

const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
const PLAIN_RESERVED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9.][0-9._eE+-]*)$/i;

/** Replaces a scalar's value, writing it in the scalar's own style (plain stays plain when it can). */
export function replaceYamlScalar(file: SourceText, scalar: KScalar, value: string): FileEdit | undefined {
  const range = scalar.range;
  switch (scalar.style) {
    case 'double-quoted':
      return { file: file.path, range, newText: JSON.stringify(value) };
    case 'single-quoted':
      return { file: file.path, range, newText: `'${value.replace(/'/g, "''")}'` };
    case 'plain': {
      const plain = PLAIN_SAFE.test(value) && !PLAIN_RESERVED.test(value) && !value.endsWith(' ');
      return { file: file.path, range, newText: plain ? value : JSON.stringify(value) };
    }
    default:
      return undefined;
  }
}

/**
 * Adds `key: value` (value may be a nested snippet written with '\n' and two-space steps) as the last entry of a
 * block mapping, at the indentation of its existing keys.
 */
export function insertYamlKey(file: SourceText, map: KMap, entry: string): FileEdit | undefined {
  const { text } = file;
  const last = map.entries[map.entries.length - 1];
  if (!last) return undefined;
  const first = map.entries[0];
  const indentWidth = first.keyRange.start - lineStartAt(text, first.keyRange.start);
  // A flow mapping ({a: 1}) cannot take a new line safely. For `- key:` the column of the key counts, not the dash.
  if (text[map.range.start] === '{' || text.slice(lineStartAt(text, first.keyRange.start), first.keyRange.start).includes('\t')) return undefined;
  const indent = ' '.repeat(indentWidth);
  const eol = eolOf(text);
  const at = lineContentEnd(text, Math.max(last.range.end - 1, last.range.start));
  const body = entry
    .replace(/\r\n/g, '\n')
    .trim()
    .split('\n')
    .map((l) => indent + l)
    .join(eol);
  return { file: file.path, range: { start: at, end: at }, newText: `${eol}${body}` };
}
