import { parseYaml } from '../../syntax/yaml/parse-yaml';
import type { TextRange } from '../../text/text-range';
import { asMap, asSeq, type KScalar, type KValue, type ScalarStyle } from './k-value';
import { yamlValue } from './yaml-value';

// The SecretProviderClass `objects` parameter is YAML inside a string: `array:` of strings, each string itself a
// YAML mapping (aks-rules §2.7). Parsed here with every range mapped back to the manifest where possible.

export interface SpcObjectField {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly valueRange: TextRange;
  /** scalar value; undefined when the field is a map or list */
  readonly value: string | number | boolean | null | undefined;
  readonly text: string | undefined;
  readonly style: ScalarStyle | undefined;
}

export interface SpcObject {
  readonly index: number;
  /** the element in the source */
  readonly range: TextRange;
  readonly fields: readonly SpcObjectField[];
  field(key: string): SpcObjectField | undefined;
  readonly objectName: string | undefined;
  readonly objectType: string | undefined;
  readonly objectAlias: string | undefined;
  /** file name on disk: objectAlias when set, else objectName */
  readonly fileName: string | undefined;
}

export type SpcProblemCode = 'yaml-syntax' | 'no-array' | 'element-not-string' | 'element-not-map';

export interface SpcProblem {
  readonly code: SpcProblemCode;
  readonly message: string;
  /** source range (the whole `objects` value when the exact place cannot be mapped) */
  readonly range: TextRange;
}

export interface SpcObjects {
  /** 'not-a-string': objects was written as a YAML map/list/number; 'invalid': the string did not parse as expected */
  readonly status: 'ok' | 'not-a-string' | 'invalid';
  readonly value: KValue;
  readonly objects: readonly SpcObject[];
  readonly problems: readonly SpcProblem[];
}

type MapFn = (r: TextRange) => TextRange;

export function parseSpcObjects(value: KValue): SpcObjects {
  if (value.kind !== 'scalar' || typeof value.value !== 'string') return { status: 'not-a-string', value, objects: [], problems: [] };
  const outer: MapFn = (r) => value.mapRange(r);
  const problems: SpcProblem[] = [];
  const root = parseInner(value.text, outer, problems);
  const array = asSeq(asMap(root)?.get('array'));
  if (!array) {
    if (problems.length === 0) problems.push({ code: 'no-array', message: 'objects must contain a top-level "array:" list', range: value.range });
    return { status: 'invalid', value, objects: [], problems };
  }
  const objects: SpcObject[] = [];
  array.items.forEach((item, index) => {
    const itemRange = outer(item.range);
    if (item.kind !== 'scalar' || typeof item.value !== 'string') {
      problems.push({ code: 'element-not-string', message: `objects array element ${index} must be a string (use "- |")`, range: itemRange });
      return;
    }
    const toSource: MapFn = (r) => outer(item.mapRange(r));
    const elementProblems = problems.length;
    const map = asMap(parseInner(item.text, toSource, problems));
    if (!map) {
      if (problems.length === elementProblems) {
        problems.push({ code: 'element-not-map', message: `objects array element ${index} is not a mapping`, range: itemRange });
      }
      return;
    }
    objects.push(toObject(index, itemRange, map.entries.map((e) => toField(e.key, e.keyRange, e.value, toSource))));
  });
  return { status: problems.length === 0 ? 'ok' : 'invalid', value, objects, problems };
}

/** Parses YAML text whose offsets map to the source through `toSource`; returns the first document's root. */
function parseInner(text: string, toSource: MapFn, problems: SpcProblem[]): KValue | undefined {
  const stream = parseYaml(text);
  for (const d of stream.diagnostics) {
    if (d.severity === 'error') problems.push({ code: 'yaml-syntax', message: d.message, range: toSource(d.range) });
  }
  const doc = stream.documents[0];
  if (!doc || doc.hasErrors || !doc.doc.contents) return undefined;
  return yamlValue(doc.doc.contents, { text: doc.source, base: doc.base }, doc.range);
}

function toField(key: string, keyRange: TextRange, v: KValue, toSource: MapFn): SpcObjectField {
  const scalar: KScalar | undefined = v.kind === 'scalar' ? v : undefined;
  return {
    key,
    keyRange: toSource(keyRange),
    valueRange: toSource(v.range),
    value: scalar?.value,
    text: scalar && scalar.value !== null ? scalar.text : undefined,
    style: scalar?.style,
  };
}

function toObject(index: number, range: TextRange, fields: SpcObjectField[]): SpcObject {
  const text = (k: string) => fields.find((f) => f.key === k)?.text;
  const objectName = text('objectName');
  const objectAlias = text('objectAlias');
  return {
    index,
    range,
    fields,
    field: (k) => fields.find((f) => f.key === k),
    objectName,
    objectType: text('objectType'),
    objectAlias,
    fileName: objectAlias || objectName,
  };
}
