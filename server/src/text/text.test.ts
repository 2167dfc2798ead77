import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from './line-index';
import { applyEdits } from './text-edit';
import { intersects } from './text-range';

test('LineIndex maps offsets both ways with CRLF and astral characters', () => {
  const text = 'a😀b\r\nline2\nx';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 3);
  assert.deepEqual(idx.positionAt(3), { line: 0, character: 3 }); // 😀 is two UTF-16 units
  assert.deepEqual(idx.positionAt(6), { line: 1, character: 0 });
  assert.equal(idx.lineText(0), 'a😀b');
  assert.equal(idx.offsetAt({ line: 0, character: 99 }), 4);
  assert.equal(idx.offsetAt({ line: 2, character: 1 }), text.length);
});

test('applyEdits applies in order and refuses overlaps', () => {
  assert.equal(applyEdits('abcdef', [{ range: { start: 4, end: 5 }, newText: 'X' }, { range: { start: 0, end: 1 }, newText: '' }]), 'bcdXf');
  assert.equal(applyEdits('abcdef', [{ range: { start: 0, end: 3 }, newText: '' }, { range: { start: 2, end: 4 }, newText: '' }]), undefined);
});

test('intersects treats empty ranges as touching', () => {
  assert.equal(intersects({ start: 2, end: 2 }, { start: 0, end: 2 }), true);
  assert.equal(intersects({ start: 0, end: 2 }, { start: 2, end: 4 }), false);
});
