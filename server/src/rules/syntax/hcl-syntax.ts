import { defineRule } from '../kit/define-rule';
import { syntaxReports } from './syntax-reports';

// Parser diagnostics are findings like any other, so they share suppressions, configuration and every output format.
export const rule = defineRule({
  code: 'AKS-SYN-001',
  name: 'hcl-syntax',
  title: 'HCL files parse',
  severity: 'error',
  category: 'syntax',
  scope: 'file',
  fileKinds: ['terraform', 'tfvars', 'tftest', 'lock'],
  docs: {
    summary: 'The file is not valid HCL, so Terraform rejects it and no other check can trust what it reads there.',
    rationale:
      'Terraform refuses to plan when any `.tf`, `.tfvars` or `.tftest.hcl` file fails to parse. ' +
      'AKS Lint still reads what it can around the error, but findings in a broken file may be incomplete. ' +
      'Fix the syntax first: the message names what the parser expected.',
    links: ['https://developer.hashicorp.com/terraform/language/syntax/configuration'],
  },
  // The HCL parser reports errors only; a warning it might add later needs its own message id here.
  messages: { error: '{message}' },
  fixable: false,
  *check(ctx) {
    const parse = ctx.hcl(ctx.file.path);
    if (parse) yield* syntaxReports(ctx.file.path, parse.diagnostics, ['error']);
  },
});
