// `npm run test:e2e`: package the VSIX, install code-server/Chromium when missing (scripts/e2e-setup.sh), then run
// the real-editor suites with node's test runner (spec on stdout, JUnit in test-results/e2e/junit.xml).
// Usage: node scripts/e2e-run.mjs [--no-package] [substring...]
//   substring: run only the test files whose name contains it; --no-package: reuse the VSIX and dist/ already built
//   (for iterating on the tests while the build is broken by unrelated work; CI never passes it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// The product suites run by default; harness.test.ts (the harness proving itself on a probe extension) on request.
const files = ['editor.test.ts', 'untrusted.test.ts', 'api-suite.test.ts'];
const onRequest = ['harness.test.ts'];
const noPackage = process.argv.includes('--no-package');
const filters = process.argv.slice(2).filter((a) => a !== '--no-package');
const selected = filters.length ? [...files, ...onRequest].filter((f) => filters.some((s) => f.includes(s))) : files;
if (selected.length === 0) {
  console.error(`e2e: no test file matches ${filters.join(', ')} (files: ${files.join(', ')})`);
  process.exit(2);
}

function timed(label, cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  console.log(`e2e: ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`e2e: ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return r.stdout;
}

const started = Date.now();
if (noPackage) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `${pkg.name}-${pkg.version}.vsix`);
  if (!existsSync(vsix)) { console.error(`e2e: --no-package but ${vsix} does not exist`); process.exit(1); }
  console.log(`e2e: reusing ${vsix} built ${statSync(vsix).mtime.toISOString()}`);
} else {
  timed('build + package the VSIX', 'npm', ['run', '--silent', 'package']);
}
timed('install code-server and Chromium when missing', 'bash', [join(root, 'scripts/e2e-setup.sh')], { capture: true });
timed('type-check the API suite', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'test/e2e/vscode-suite/tsconfig.json']);

mkdirSync(join(root, 'test-results/e2e'), { recursive: true });
const args = ['--import', 'tsx', '--test', '--test-concurrency=1',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=junit', '--test-reporter-destination=test-results/e2e/junit.xml',
  ...selected.map((f) => join('test/e2e', f))];
// Own process group, so an interrupt reaches the runner and every test-file process it started; each of those
// kills its code-server process group on the signal (harness/session.ts) and Playwright closes Chromium.
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', detached: true });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { try { process.kill(-child.pid, sig); } catch { /* gone */ } });
child.on('exit', (code, signal) => {
  console.log(`e2e: suites ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s total`);
  process.exit(code ?? (signal ? 1 : 0));
});
