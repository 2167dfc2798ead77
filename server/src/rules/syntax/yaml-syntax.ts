import { defineRule } from '../kit/define-rule';
import { syntaxReports } from './syntax-reports';

// Only files the Kubernetes model recognises as manifests report YAML errors: Helm templates and CI files are
// not our business and would drown real findings.
export const rule = defineRule({
  code: 'AKS-SYN-002',
  name: 'yaml-syntax',
  title: 'Kubernetes YAML files parse',
  severity: 'error',
  category: 'syntax',
  scope: 'file',
  fileKinds: ['yaml'],
  docs: {
    summary: 'The manifest is not valid YAML, so kubectl rejects it and no other check can trust what it reads there.',
    rationale:
      '`kubectl apply` stops at the first document that fails to parse. Typical causes are tabs used for ' +
      'indentation, a mapping key at the wrong indentation, or an unterminated quote. ' +
      'Helm templates and other files with `{{ }}` outside block scalars are skipped.',
    links: ['https://yaml.org/spec/1.2.2/'],
  },
  messages: { error: '{message}', warning: '{message}' },
  messageSeverity: { warning: 'warning' },
  fixable: false,
  *check(ctx) {
    const k8s = ctx.kubernetes(ctx.file.path);
    if (k8s) yield* syntaxReports(ctx.file.path, k8s.diagnostics, ['error', 'warning']);
  },
});
