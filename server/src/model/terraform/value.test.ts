import { test } from 'node:test';
import assert from 'node:assert/strict';
import { list, str, unknown, withFields, withOrigin } from './value';

// withFields stands in for object spread on the model's hot paths: it must give exactly what the spread gave.

test('withFields copies every key in order, replaces in place and appends new keys, like { ...o, ...fields }', () => {
  const ref = { address: 'a.b', path: ['x'], instance: { key: 1 } };
  const got = withFields(ref, { path: ['y'] });
  assert.deepEqual(got, { ...ref, path: ['y'] });
  assert.deepEqual(Object.keys(got), Object.keys({ ...ref, path: ['y'] }));
  assert.deepEqual(ref.path, ['x'], 'the original is not changed');
  const open = withFields(list([str('v')]), { open: { address: 'a.b', path: [] }, instances: true });
  assert.deepEqual(Object.keys(open), ['kind', 'items', 'origin', 'open', 'instances']);
  assert.equal(open.instances, true);
});

test('unknown() keeps exactly the extra keys it is given (present-but-undefined included)', () => {
  assert.deepEqual(Object.keys(unknown('r')), ['kind', 'reason']);
  assert.deepEqual(Object.keys(unknown('r', { ref: undefined })), ['kind', 'reason', 'ref']);
  assert.deepEqual(unknown('r', { error: true }), { kind: 'unknown', reason: 'r', error: true });
});

test('withOrigin replaces the origin and keeps the rest', () => {
  const at = { file: 'main.tf', range: { start: 1, end: 4 } };
  const v = unknown('computed', { ref: { address: 'a.b', path: ['id'] } });
  const w = withOrigin(v, at);
  assert.deepEqual(w, { ...v, origin: at });
  assert.equal(withOrigin(v, undefined), v);
  assert.deepEqual(Object.keys(withOrigin(str('s'), at)), ['kind', 'value', 'origin']);
});
