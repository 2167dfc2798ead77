// Runs every bench/*.bench.ts module in sequence; each prints its own table.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const modules = readdirSync(__dirname)
    .filter((n) => n.endsWith('.bench.ts') && (!filter || n.includes(filter)))
    .sort();
  for (const name of modules) {
    console.log(`\n== ${name}`);
    const mod = (await import(join(__dirname, name))) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`${name} does not export run()`);
    await mod.run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
