import type { TextRange } from '../../text/text-range';
import { asMap, type KEntry, type KMap, type KValue } from './k-value';
import type { K8sObject } from './object';
import { viewPerObject } from './view-memo';

// ConfigMap data entries with everything CoreDNS rules need: key range, value range, decoded text and a map from
// offsets in the decoded text back to the source (Corefile tokens inside a block scalar).

export interface ConfigMapEntry {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: KValue;
  readonly valueRange: TextRange;
  /** decoded string when the value is a string scalar; undefined for maps, sequences, numbers, unknowns */
  readonly text: string | undefined;
  /** first content character of a block scalar (`|`, `>`), else undefined */
  readonly contentStart: number | undefined;
  /** decoded-text range -> source range (whole value when not exact) */
  mapRange(decoded: TextRange): TextRange;
  readonly entry: KEntry;
}

export interface ConfigMapView {
  readonly object: K8sObject;
  /** the `data:` map; undefined when missing or not a map */
  readonly dataMap: KMap | undefined;
  /** the `data:` value as written (to see a sequence or scalar where a map belongs) */
  readonly dataValue: KValue | undefined;
  readonly data: readonly ConfigMapEntry[];
  readonly binaryData: readonly ConfigMapEntry[];
  entry(key: string): ConfigMapEntry | undefined;
}

export const CONFIG_MAP_KINDS: ReadonlySet<string> = new Set(['ConfigMap']);

/** One view per ConfigMap object. */
export const configMapView: (obj: K8sObject) => ConfigMapView | undefined = viewPerObject(CONFIG_MAP_KINDS, newView);

function newView(obj: K8sObject): ConfigMapView {
  const dataValue = obj.field('data');
  const dataMap = asMap(dataValue);
  let data: ConfigMapEntry[] | undefined;
  const entries = () => (data ??= (dataMap?.entries ?? []).map(toEntry));
  return {
    object: obj,
    dataMap,
    dataValue,
    get data() { return entries(); },
    get binaryData() { return (asMap(obj.field('binaryData'))?.entries ?? []).map(toEntry); },
    entry: (key) => entries().find((e) => e.key === key),
  };
}

function toEntry(e: KEntry): ConfigMapEntry {
  const v = e.value;
  const isString = v.kind === 'scalar' && typeof v.value === 'string';
  return {
    key: e.key,
    keyRange: e.keyRange,
    value: v,
    valueRange: v.range,
    text: isString ? v.text : undefined,
    contentStart: v.kind === 'scalar' ? v.contentStart : undefined,
    mapRange: (r) => (v.kind === 'scalar' ? v.mapRange(r) : v.range),
    entry: e,
  };
}
