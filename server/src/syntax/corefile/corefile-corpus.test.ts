import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorefile } from './parse-corefile';

const corpus = resolve(__dirname, '../../../..', '../shared/corpus');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (!name.startsWith('LICENSE')) out.push(p);
  }
  return out;
}

/** Independent oracle: stand-alone brace tokens outside quotes and comments, never below zero, ending at zero. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const line of text.replace(/"(?:\\"|[^"])*"/g, '""').split('\n')) {
    for (const word of line.replace(/#.*/, '').split(/\s+/)) {
      if (word === '{') depth++;
      else if (word === '}' && --depth < 0) return false;
    }
  }
  return depth === 0;
}

test('every Corefile in the corpus parses; brace diagnostics exactly where braces are unbalanced', (t) => {
  const dir = join(corpus, 'corefile');
  if (!existsSync(dir)) return t.skip(`corpus absent: ${dir} not found`);
  const files = filesUnder(dir);
  assert.ok(files.length >= 100, `only ${files.length} corefiles`);
  let directives = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const { corefile, diagnostics } = parseCorefile(text);
    const braceProblems = diagnostics.filter((d) => /'[{}]'/.test(d.message));
    assert.equal(braceProblems.length > 0, !balanced(text), file);
    for (const d of diagnostics) assert.ok(d.range.end <= text.length, file);
    directives += corefile.serverBlocks.reduce((n, sb) => n + sb.directives.length, 0);
  }
  t.diagnostic(`${files.length} corefiles, ${directives} top-level plugin lines`);
  assert.ok(directives > files.length, 'server blocks should contain plugin lines');
});
