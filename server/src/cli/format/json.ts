import type { LintReport } from './report';

// The stable JSON contract (version 1). Field order is fixed; adding a field is a new version.

export function formatJson(report: LintReport): string {
  const out = {
    version: 1,
    tool: { name: 'aks-lint', version: report.toolVersion },
    files: report.files,
    findings: report.findings.map((r) => ({
      code: r.finding.code,
      rule: r.finding.name,
      severity: r.finding.severity,
      message: r.finding.message,
      file: r.file,
      range: r.range,
      fixes: r.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ file: e.file, range: e.range, newText: e.newText })) })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
