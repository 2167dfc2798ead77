import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Test fixture: the sample workspace examples/ (the one `npm start` lints) as workspace files, paths relative to it.

const examples = resolve(__dirname, '../../../examples');

export function exampleFiles(dir = examples): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? exampleFiles(p) : [{ path: relative(examples, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }];
  });
}
