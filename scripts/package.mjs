// Packages the built extension (npm run build first) into aks-lint-<version>.vsix with @vscode/vsce, offline
// (--no-dependencies: dist/ bundles are self-contained). Refuses to package when anything outside the allowed
// set would ship, so .vscodeignore drift fails here instead of in a user's editor. Prints the VSIX size.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
const allowed = [/^dist\/[^/]+\.js$/, /^dist\/.+\.wasm$/, /^syntaxes\/.+\.json$/, /^images\/icon\.png$/, /^README\.md$/, /^LICENSE(\.txt)?$/, /^package\.json$/];

// README links are relative (docs/rules/...); vsce rewrites them against the same base the rule-docs URLs use.
const BASE = 'https://github.com/aks-lint/aks-lint';
const run = (args) => {
  try {
    return execFileSync(process.execPath, [vsce, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch {
    console.error(`package: vsce ${args[0]} failed (its message is above)`);
    process.exit(1);
  }
};

if (!existsSync(join(root, pkg.main))) {
  console.error(`package: ${pkg.main} is missing; run npm run build (the client entry point must exist)`);
  process.exit(1);
}
const files = run(['ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean);
const stray = files.filter((f) => !allowed.some((re) => re.test(f)));
if (stray.length > 0) {
  console.error(`package: .vscodeignore lets through files that must not ship:\n  ${stray.join('\n  ')}`);
  process.exit(1);
}
run(['package', '--no-dependencies', '--baseContentUrl', `${BASE}/blob/main`, '--baseImagesUrl', `${BASE}/raw/main`, '-o', out]);
const kb = (statSync(out).size / 1024).toFixed(1);
console.log(`package: ${out} (${kb} KB, ${files.length} files: ${files.join(', ')})`);
