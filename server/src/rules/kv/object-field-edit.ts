import type { FileEdit } from '../kit/define-rule';
import type { SourceText } from '../kit/fix';
import type { SpcObjectField } from '../../model/kubernetes/spc-objects';

// Edits inside the `objects` string. Field ranges are mapped back from the inner YAML; an edit is offered only when
// the mapped range holds exactly the value as written (plain or quoted), so nothing else in the string is touched.

export function replaceObjectField(file: SourceText, field: SpcObjectField, value: string): FileEdit | undefined {
  if (field.text === undefined) return undefined;
  const written = file.text.slice(field.valueRange.start, field.valueRange.end);
  let newText: string | undefined;
  if (field.style === 'plain' && written === field.text) newText = value;
  else if (field.style === 'double-quoted' && written === JSON.stringify(field.text)) newText = JSON.stringify(value);
  else if (field.style === 'single-quoted' && written === `'${field.text.replace(/'/g, "''")}'`) newText = `'${value.replace(/'/g, "''")}'`;
  return newText === undefined ? undefined : { file: file.path, range: field.valueRange, newText };
}
