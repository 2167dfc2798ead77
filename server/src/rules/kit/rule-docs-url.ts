// Where a rule's generated page lives (docs/rules/<code>-<name>.md). The same base as lsp/protocol.ts's
// RULE_DOCS_BASE_URL, which must stay import-free for the client, hence the second copy of one string.
export const RULE_DOCS_BASE_URL = 'https://github.com/aks-lint/aks-lint/blob/main/docs/rules/';

export function ruleDocsUrl(rule: { readonly code: string; readonly name: string }): string {
  return `${RULE_DOCS_BASE_URL}${ruleDocsFileName(rule)}`;
}

export function ruleDocsFileName(rule: { readonly code: string; readonly name: string }): string {
  return `${rule.code}-${rule.name}.md`;
}
