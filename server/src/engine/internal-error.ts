import type { Rule, RuleMeta } from '../rules/kit/define-rule';
import type { Finding } from './finding';

// A rule that throws is a bug in AKS Lint, not in the user's files: it becomes one finding that names the rule and
// the error, and every other rule keeps running.

export const INTERNAL_ERROR: RuleMeta = {
  code: 'AKS-INT-001',
  name: 'internal-error',
  title: 'A rule failed',
  severity: 'error',
  category: 'correctness',
  scope: 'workspace',
  docs: {
    summary: 'A rule crashed while checking this file; its results are missing. Please report it with the message.',
    rationale: 'AKS Lint isolates each rule: the crashed rule reports this single finding and all other rules still run.',
    links: [],
  },
  messages: { crashed: 'Rule {code} ({name}) failed: {error}' },
  fixable: false,
};

export function internalErrorFinding(rule: Rule, err: unknown, file: string): Finding {
  const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return {
    code: INTERNAL_ERROR.code,
    name: INTERNAL_ERROR.name,
    severity: 'error',
    message: `Rule ${rule.code} (${rule.name}) failed: ${error}`,
    messageId: 'crashed',
    file,
    range: { start: 0, end: 0 },
  };
}
