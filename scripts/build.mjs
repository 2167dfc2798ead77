// Bundles the three entry points with esbuild; type-checking is `tsc -b`'s job (npm run typecheck).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

// `--outdir DIR` builds elsewhere (benchmarks of a work in progress without replacing dist/)
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? process.argv[at + 1] : 'dist';
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, minify: true, logLevel: 'warning' };
const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
for (const e of entries) {
  if (!existsSync(e.in)) continue; // entry points arrive with their issues; the build never fails for a missing one
  await build({ ...common, entryPoints: [e.in], outfile: e.out.replace(/^dist\//, `${outdir}/`), external: e.external ?? [], banner: e.banner });
}
