// Runs every bench/*.bench.ts module in sequence; each prints its own table.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

function formatLine(l: BenchLine): string {
  const mark = l.ok === undefined ? ' ' : l.ok ? '✔' : '✖';
  return `${mark} ${l.name}: ${l.value} ${l.unit}${l.target ? ` (target ${l.target})` : ''}`;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const modules = readdirSync(__dirname)
    .filter((n) => n.endsWith('.bench.ts') && (!filter || n.includes(filter)))
    .sort();
  for (const name of modules) {
    console.log(`\n== ${name}`);
    const mod = (await import(join(__dirname, name))) as { run?: () => Promise<unknown> };
    if (typeof mod.run !== 'function') throw new Error(`${name} does not export run()`);
    const lines = await mod.run();
    // Modules either print their own table or return lines { name, value, unit, target?, ok? } for this runner to print.
    if (Array.isArray(lines)) for (const l of lines as BenchLine[]) console.log(formatLine(l));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
