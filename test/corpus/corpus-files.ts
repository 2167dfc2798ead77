import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus, resolved from the repo root; undefined when it is absent (tests then skip). */
export const corpusRoot: string | undefined = (() => {
  const root = resolve(__dirname, '../..', '../shared/corpus');
  return existsSync(root) ? root : undefined;
})();

/** Files under dir (recursively) whose name matches, as paths relative to the corpus root, sorted. */
export function corpusFiles(sub: string, match: (name: string) => boolean): string[] {
  if (!corpusRoot) return [];
  const out: string[] = [];
  const stack = [join(corpusRoot, sub)];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (match(name)) out.push(p.slice(corpusRoot.length + 1));
    }
  }
  return out.sort();
}

export function readCorpus(rel: string): string {
  return readFileSync(join(corpusRoot!, rel), 'utf8');
}

export const isTerraformFile = (n: string): boolean => /\.(tf|tfvars)$/.test(n) || n.endsWith('.tftest.hcl') || n === '.terraform.lock.hcl';
