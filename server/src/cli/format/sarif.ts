import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../rules/kit/define-rule';
import { ruleDocsUrl } from '../../rules/kit/rule-docs-url';
import type { LintReport, Range1 } from './report';

// SARIF 2.1.0 for code-scanning uploads: driver.rules from rule metadata, results with 1-based regions (columns in
// UTF-16 units, declared via columnKind), and fixes as artifact replacements.

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(report: LintReport): string {
  const rules: ReportingDescriptor[] = report.rules.map((r) => ({
    id: r.code,
    name: r.name,
    shortDescription: { text: r.title },
    fullDescription: { text: r.docs.summary },
    help: { text: r.docs.summary, markdown: r.docs.rationale },
    helpUri: ruleDocsUrl(r),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { category: r.category },
  }));
  const ruleIndex = new Map(report.rules.map((r, i) => [r.code, i]));
  const results: Result[] = report.findings.map((rf) => {
    const f = rf.finding;
    const result: Result = {
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(rf.file, rf.range)],
      partialFingerprints: { findingId: `${f.code}/${f.messageId}` },
    };
    const index = ruleIndex.get(f.code);
    if (index !== undefined) result.ruleIndex = index;
    if (rf.related.length) {
      result.relatedLocations = rf.related.map((r, id) => ({ id, ...location(r.file, r.range), message: { text: r.message } }));
    }
    if (rf.fixes.length) {
      result.fixes = rf.fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: groupByFile(fix.edits).map(([file, edits]) => ({
          artifactLocation: { uri: encodeUri(file) },
          replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        })),
      }));
    }
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'aks-lint', version: report.toolVersion, informationUri: 'https://github.com/aks-lint/aks-lint', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(file: string, range: Range1) {
  return { physicalLocation: { artifactLocation: { uri: encodeUri(file) }, region: region(range) } };
}

function region(r: Range1) {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

function groupByFile<T extends { readonly file: string }>(edits: readonly T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const e of edits) m.set(e.file, [...(m.get(e.file) ?? []), e]);
  return [...m];
}

/** Relative paths as URI references: each segment percent-encoded, '/' kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
