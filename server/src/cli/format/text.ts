import type { Severity } from '../../rules/kit/define-rule';
import type { LintReport, ReportFinding } from './report';

// Human output: findings grouped by file, each with a code frame, then a summary. Colour is the caller's decision
// (TTY and no NO_COLOR); without it the output is plain ASCII-safe text suitable for goldens and logs.

export interface TextOptions {
  readonly color: boolean;
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, cyan: 36 } as const;
type Style = keyof typeof CODES;
const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'blue' };

export function formatText(report: LintReport, options: TextOptions): string {
  const paint = (style: Style, s: string): string => (options.color ? `\x1b[${CODES[style]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  let lastFile: string | undefined;
  for (const rf of report.findings) {
    if (rf.file !== lastFile) {
      if (lastFile !== undefined) out.push('');
      out.push(paint('bold', rf.file));
      lastFile = rf.file;
    }
    const f = rf.finding;
    const where = `${rf.range.start.line}:${rf.range.start.column}`;
    out.push(`  ${where}  ${paint(SEVERITY_STYLE[f.severity], f.severity)}  ${f.message}  ${paint('dim', `${f.code} (${f.name})`)}`);
    out.push(...codeFrame(rf, paint));
    for (const r of rf.related) out.push(`    ${paint('dim', `related: ${r.file}:${r.range.start.line}:${r.range.start.column} ${r.message}`)}`);
    if (rf.fixes.length) out.push(`    ${paint('cyan', `fix: ${rf.fixes[0].title}`)}`);
  }
  if (report.findings.length) out.push('');
  out.push(summary(report));
  return `${out.join('\n')}\n`;
}

function codeFrame(rf: ReportFinding, paint: (s: Style, t: string) => string): string[] {
  const line = rf.lines[0];
  if (line === undefined) return [];
  const num = String(rf.range.start.line);
  const gutter = ' '.repeat(num.length);
  const shown = line.replace(/\t/g, ' ');
  const startCol = rf.range.start.column - 1;
  const endCol = rf.range.end.line === rf.range.start.line ? rf.range.end.column - 1 : line.length;
  const width = Math.max(1, Math.min(endCol, line.length + 1) - startCol);
  return [
    `    ${paint('dim', `${num} |`)} ${shown}`,
    `    ${paint('dim', `${gutter} |`)} ${' '.repeat(startCol)}${paint(SEVERITY_STYLE[rf.finding.severity], '^'.repeat(width))}`,
  ];
}

export function summary(report: LintReport): string {
  const count = (s: Severity): number => report.findings.filter((r) => r.finding.severity === s).length;
  const files = report.files === 1 ? '1 file' : `${report.files} files`;
  if (report.findings.length === 0) return `No problems found in ${files}.`;
  const fixable = report.findings.filter((r) => r.fixes.length > 0).length;
  const n = report.findings.length;
  const parts = `${count('error')} errors, ${count('warning')} warnings, ${count('info')} info`;
  return `${n} ${n === 1 ? 'problem' : 'problems'} (${parts}) in ${files}${fixable ? `; ${fixable} fixable with --fix` : ''}.`;
}
