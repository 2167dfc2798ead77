import { unknown, withFields, type TfUnknown, type TfValue, type ValueRef } from './value';
import { numberToString } from './functions/function-kit';

// One traversal step (`.name` or `[key]`) over a value. Configuration objects marked `open` answer missing
// keys with an Unknown that says which computed attribute it is; elsewhere a missing key is an error.

type Step = string | number | undefined;

function extend(ref: ValueRef | undefined, step: Step): ValueRef | undefined {
  return ref && withFields(ref, { path: [...ref.path, step] });
}

function computed(ref: ValueRef, step: Step, instances = false): TfUnknown {
  if (instances) return unknown('instance is not known statically', { ref: withFields(ref, { instance: { key: step } }) });
  return unknown('computed attribute (known after apply)', { ref: extend(ref, step) });
}

function stepOverUnknown(v: TfUnknown, step: Step): TfValue {
  return v.error ? v : unknown(v.reason, { ref: extend(v.ref, step) });
}

export function getAttr(v: TfValue, name: string): TfValue {
  switch (v.kind) {
    case 'unknown':
      return stepOverUnknown(v, name);
    case 'object': {
      const hit = v.entries.get(name);
      if (hit) return hit;
      if (v.open) return computed(v.open, name, v.instances);
      return unknown(`Unsupported attribute: this object does not have an attribute named "${name}"`, { error: true });
    }
    case 'null':
      return unknown('Attempt to get attribute from null value', { error: true });
    default:
      return unknown(`Unsupported attribute "${name}": this value does not have any attributes`, { error: true });
  }
}

export function index(v: TfValue, key: TfValue): TfValue {
  if (v.kind === 'unknown') return stepOverUnknown(v, key.kind === 'string' || key.kind === 'number' ? key.value : undefined);
  if (key.kind === 'unknown') {
    if (key.error) return key;
    const open = v.kind === 'list' || v.kind === 'object' ? v.open : undefined;
    const instances = (v.kind === 'list' || v.kind === 'object') && v.instances;
    return unknown('index is not known', { ref: open && (instances ? withFields(open, { instance: { key: undefined } }) : extend(open, undefined)) });
  }
  if (v.kind === 'list') {
    const i = key.kind === 'number' ? key.value : key.kind === 'string' && /^\d+$/.test(key.value) ? Number(key.value) : NaN;
    if (Number.isNaN(i)) return unknown('Invalid index: a number is required', { error: true });
    if (Number.isInteger(i) && i >= 0 && i < v.items.length) return v.items[i];
    if (v.open) return computed(v.open, i, v.instances);
    return unknown('Invalid index: the given key does not identify an element in this collection value', { error: true });
  }
  if (v.kind === 'object') {
    const k = key.kind === 'string' ? key.value : key.kind === 'number' ? numberToString(key.value) : undefined;
    if (k === undefined) return unknown('Invalid index: a string key is required', { error: true });
    return getAttr(v, k);
  }
  if (v.kind === 'set') return unknown('Invalid index: elements of a set are identified only by their value', { error: true });
  if (v.kind === 'null') return unknown('Attempt to index null value', { error: true });
  return unknown('Invalid index: this value does not have any indices', { error: true });
}
