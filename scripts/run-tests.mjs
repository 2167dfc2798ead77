// Runs every *.test.ts under server/, client/ and test/ (not the real-editor suites) with node's test runner.
// Node 20 has no glob support in --test, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['server/src', 'client/src', 'test'];
const skip = new Set(['node_modules', 'e2e', 'fixtures', 'testdata']);
const files = [];
function walk(dir) {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (!skip.has(name)) walk(p); }
    else if (name.endsWith('.test.ts')) files.push(p);
  }
}
roots.forEach(walk);
const filter = process.argv[2];
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (selected.length === 0) { console.error('no test files found'); process.exit(1); }
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { stdio: 'inherit' });
process.exit(r.status ?? 1);
