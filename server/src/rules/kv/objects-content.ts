import type { Report } from '../kit/define-rule';
import type { TextRange } from '../../text/text-range';
import { fix, type SourceText } from '../kit/fix';
import type { SpcObject, SpcObjects } from '../../model/kubernetes/spc-objects';
import { OBJECT_ENCODINGS, OBJECT_FORMATS, objectTypeInfo } from '../../model/azure/keyvault';
import { replaceObjectField } from './object-field-edit';

// AKS-KV-002 triggers 3-7: what the provider does with each element of the parsed `objects` string.

export type ObjectsMessageId =
  | 'objectsInvalid' | 'objectNameMissing' | 'objectType' | 'objectFormat' | 'pfxNeedsSecret'
  | 'objectEncoding' | 'encodingIgnored' | 'nonCanonical' | 'duplicateFileName';

export function* objectsContentReports(objects: SpcObjects, file: string, source: SourceText | undefined): Generator<Report<ObjectsMessageId>> {
  for (const p of objects.problems) yield { messageId: 'objectsInvalid', data: { message: p.message }, file, range: p.range };
  const seen = new Map<string, SpcObject>();
  for (const o of objects.objects) {
    yield* elementReports(o, file, source);
    const name = o.fileName;
    if (name === undefined || name === '') continue;
    const first = seen.get(name);
    if (!first) {
      seen.set(name, o);
      continue;
    }
    const at = o.field('objectAlias') ?? o.field('objectName')!;
    yield {
      messageId: 'duplicateFileName', data: { name }, file, range: at.valueRange,
      related: [{ file, range: (first.field('objectAlias') ?? first.field('objectName')!).valueRange, message: 'first object writing this file' }],
    };
  }
}

function* elementReports(o: SpcObject, file: string, source: SourceText | undefined): Generator<Report<ObjectsMessageId>> {
  const whole = elementRange(o);
  if (!o.objectName) yield { messageId: 'objectNameMissing', data: { index: o.index }, file, range: o.field('objectName')?.keyRange ?? whole };
  const type = o.field('objectType');
  if (!type || o.objectType === undefined || !objectTypeInfo(o.objectType)) {
    const value = o.objectType ?? '';
    const lower = value.toLowerCase();
    const edit = source && type && objectTypeInfo(lower) ? replaceObjectField(source, type, lower) : undefined;
    const fixes = edit ? [fix(`Write objectType: ${lower}`, edit)] : [];
    yield { messageId: 'objectType', data: { value }, file, range: type?.valueRange ?? whole, fixes };
  }
  const isSecret = o.objectType === 'secret';
  // format/encoding against another type only when the type itself is valid (else the objectType finding says it all)
  const otherType = !isSecret && o.objectType !== undefined && !!objectTypeInfo(o.objectType);
  const format = o.field('objectFormat');
  const formatText = format?.text;
  if (format && formatText) {
    const canonical = OBJECT_FORMATS.find((f) => f === formatText.toLowerCase());
    if (!canonical) yield { messageId: 'objectFormat', data: { value: formatText }, file, range: format.valueRange };
    else if (canonical === 'pfx' && otherType) {
      yield { messageId: 'pfxNeedsSecret', data: { type: o.objectType }, file, range: format.valueRange };
    } else if (canonical !== formatText) {
      yield { messageId: 'nonCanonical', data: { field: 'objectFormat', value: formatText, canonical }, file, range: format.valueRange };
    }
  }
  const encoding = o.field('objectEncoding');
  const encodingText = encoding?.text;
  if (encoding && encodingText) {
    const canonical = OBJECT_ENCODINGS.find((e) => e === encodingText.toLowerCase());
    if (!canonical) yield { messageId: 'objectEncoding', data: { value: encodingText }, file, range: encoding.valueRange };
    else if (otherType) {
      yield { messageId: 'encodingIgnored', data: { type: o.objectType }, file, range: encoding.keyRange };
    } else if (canonical !== encodingText) {
      yield { messageId: 'nonCanonical', data: { field: 'objectEncoding', value: encodingText, canonical }, file, range: encoding.valueRange };
    }
  }
}

/** The element's fields (first key to last value); the element itself when it has none. */
function elementRange(o: SpcObject): TextRange {
  const first = o.fields[0];
  const last = o.fields[o.fields.length - 1];
  return first && last ? { start: first.keyRange.start, end: last.valueRange.end } : o.range;
}
