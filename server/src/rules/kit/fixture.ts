// Test fixtures written as text: dedented, split into files by `--- path` lines, with caret annotations
// (`# ^^^ messageId`, also `// ^^^` in HCL) under a line marking the expected finding's columns on that line.
// Annotation lines are removed before parsing; carets may sit left of the code's indentation, as columns are
// counted after dedenting by the code lines' common indentation.

export interface ExpectedFinding {
  readonly file: string;
  /** 0-based line in the stripped file */
  readonly line: number;
  /** 0-based, inclusive first caret column */
  readonly startColumn: number;
  /** 0-based, exclusive */
  readonly endColumn: number;
  readonly messageId: string;
}

export interface Fixture {
  /** path -> text, annotation lines removed */
  readonly files: ReadonlyMap<string, string>;
  readonly expected: readonly ExpectedFinding[];
  /** the fixture as written (dedented), for duplicate detection and doc examples */
  readonly source: string;
}

const FILE_MARKER = /^---\s+(\S+)\s*$/;
const ANNOTATION = /^(\s*)(?:#|\/\/)(\s*)(\^+)\s+([A-Za-z][\w-]*)\s*$/;

export function parseFixture(raw: string, defaultPath: string): Fixture {
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const code = lines.filter((l) => l.trim() !== '' && !ANNOTATION.test(l) && !FILE_MARKER.test(l.trim()));
  const dedent = Math.min(...code.map((l) => l.length - l.trimStart().length), Infinity);
  const cut = Number.isFinite(dedent) ? dedent : 0;
  const files = new Map<string, string[]>();
  const expected: ExpectedFinding[] = [];
  let current = defaultPath;
  for (const line of lines) {
    const marker = FILE_MARKER.exec(line.trim());
    if (marker) {
      current = marker[1];
      files.set(current, []);
      continue;
    }
    const out = files.get(current) ?? [];
    files.set(current, out);
    const note = ANNOTATION.exec(line);
    if (note && out.length > 0) {
      const start = note[1].length + 1 + note[2].length + (line.slice(note[1].length).startsWith('//') ? 1 : 0) - cut;
      expected.push({ file: current, line: out.length - 1, startColumn: start, endColumn: start + note[3].length, messageId: note[4] });
      continue;
    }
    if (out.length === 0 && line.trim() === '') continue; // blank lines right after a `--- path` marker
    out.push(line.slice(Math.min(cut, line.length - line.trimStart().length)));
  }
  for (const ls of files.values()) while (ls.length && ls[ls.length - 1].trim() === '') ls.pop();
  const texts = new Map([...files].map(([p, ls]) => [p, ls.length ? `${ls.join('\n')}\n` : '']));
  return { files: texts, expected, source: lines.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length))).join('\n') };
}

function tag(defaultPath: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Fixture =>
    parseFixture(String.raw({ raw: strings.raw }, ...values), defaultPath);
}

/** Terraform fixture; single-file fixtures are `main.tf`. */
export const tf = tag('main.tf');
/** Kubernetes YAML fixture; single-file fixtures are `manifest.yaml`. */
export const k8s = tag('manifest.yaml');
