import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from './document-store';

// Open documents keep their line index (edits, hovers and code actions ask again and again); files on disk get a fresh
// one per request, so a large workspace does not hold one per file.

test('open documents keep one line index; files on disk get a correct fresh one; the editor text wins', () => {
  const store = new DocumentStore();
  store.setDisk('/ws/a.tf', 'a = 1\nb = 2\n');
  store.setOpen('/ws/b.tf', 'x = 1\n\ny = 2\n');
  assert.equal(store.lineIndex('/ws/b.tf'), store.lineIndex('/ws/b.tf'));
  assert.notEqual(store.lineIndex('/ws/a.tf'), store.lineIndex('/ws/a.tf'));
  assert.equal(store.lineIndex('/ws/a.tf')!.lineCount, store.lineIndex('/ws/a.tf')!.lineCount);
  store.setOpen('/ws/a.tf', 'a = 1\n');
  assert.equal(store.lineIndex('/ws/a.tf')!.lineCount, 2);
  assert.equal(store.lineIndex('/ws/missing.tf'), undefined);
});
