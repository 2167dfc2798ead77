// Text facts fix builders need: line boundaries, indentation and the file's line ending. Offsets are UTF-16.

export interface SourceText {
  readonly path: string;
  readonly text: string;
}

/** '\r\n' when the file's first line break is CRLF, else '\n'. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break that ends the line containing `offset` (text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/** Offset of the end of the line's content (before \r\n or \n). */
export function lineContentEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  const end = i < 0 ? text.length : i;
  return end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The whitespace that starts the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** True when only whitespace precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStartAt(text, offset), offset).trim() === '';
}

/** True when only whitespace (or a line comment) follows `offset` on its line. */
export function endsLine(text: string, offset: number): boolean {
  const rest = text.slice(offset, lineContentEnd(text, offset)).trim();
  return rest === '' || rest.startsWith('#') || rest.startsWith('//');
}

/** Indents every line of a multi-line snippet (written with '\n') and converts its line breaks to `eol`. */
export function indentLines(snippet: string, indent: string, eol: string): string {
  return snippet
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : indent + l))
    .join(eol);
}
