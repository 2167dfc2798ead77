import type { ClusterInfo, IdentityInfo } from '../../../server/src/lsp/protocol';
import { esc, identityGraphSvg, scopeOf, shortScope } from './identity-graph';

// The "Explain AKS identities" page: the picture plus the same facts as text (screen readers, copy/paste).
// Strict CSP: nothing remote, scripts and styles only with this render's nonce.

export interface PageOptions {
  readonly nonce: string;
  /** the webview's cspSource (allowed for images/fonts only) */
  readonly cspSource: string;
}

export function identityPageHtml(cluster: ClusterInfo | undefined, opts: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${opts.cspSource} data:`,
    `style-src 'nonce-${opts.nonce}'`,
    `script-src 'nonce-${opts.nonce}'`,
  ].join('; ');
  const body = cluster ? clusterBody(cluster) : '<p>No <code>azurerm_kubernetes_cluster</code> was found in this workspace.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>AKS identities${cluster ? `: ${esc(cluster.name)}` : ''}</title>
<style nonce="${opts.nonce}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${opts.nonce}">${SCRIPT}</script>
</body>
</html>`;
}

function clusterBody(c: ClusterInfo): string {
  const missing = c.identities.reduce((n, i) => n + i.missingRoles.length, 0);
  const summary = `${c.identities.length} identit${c.identities.length === 1 ? 'y' : 'ies'}, ${missing} missing required role${missing === 1 ? '' : 's'}.`;
  return [
    `<h1>Identities of cluster <code>${esc(c.name)}</code></h1>`,
    `<p>${summary}</p>`,
    `<div class="graph">${identityGraphSvg(c)}</div>`,
    '<h2>In words</h2>',
    ...c.identities.map(identitySection),
  ].join('\n');
}

function identitySection(i: IdentityInfo): string {
  const origin =
    i.origin === 'byo'
      ? `Bring-your-own: you create and own it${i.resource ? ` (<code>${esc(i.resource)}</code>)` : ''}`
      : i.origin === 'system'
        ? 'System-created: AKS creates and manages it'
        : 'Origin unknown';
  const principal = i.principalExpression ? ` Its principal (object) ID in Terraform: <code>${esc(i.principalExpression)}</code>.` : '';
  const where = i.location ? ` <a href="#" data-reveal="${esc(JSON.stringify(i.location))}">Go to declaration</a>` : '';
  const lines = [
    `<section><h3>${esc(i.name)} <span class="kind">(${esc(i.kind)})</span></h3>`,
    `<p>${esc(i.explanation)}</p>`,
    `<p>${origin}.${i.azAksShowPath ? ` <code>az aks show</code> calls it <code>${esc(i.azAksShowPath)}</code>.` : ''}${principal}${where}</p>`,
  ];
  if (i.roleAssignments.length > 0) {
    lines.push('<p>Role assignments:</p><ul>');
    for (const r of i.roleAssignments) lines.push(`<li>${esc(r.role)} on <code title="${esc(r.scope)}">${esc(shortScope(scopeOf(r)))}</code></li>`);
    lines.push('</ul>');
  } else lines.push('<p>No role assignments found.</p>');
  if (i.missingRoles.length > 0) {
    lines.push('<p class="missing">Missing required roles:</p><ul>');
    for (const m of i.missingRoles) {
      const fix = m.fix ? ` Fix: ${esc(m.fix)}${m.fixSnippet ? `<pre><code>${esc(m.fixSnippet)}</code></pre>` : ''}` : '';
      lines.push(`<li class="missing"><strong>${esc(m.role)}</strong> on <code>${esc(shortScope(m.scope))}</code>: ${esc(m.reason)}${fix}</li>`);
    }
    lines.push('</ul>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
.graph { overflow-x: auto; }
.graph svg { max-width: 100%; height: auto; }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
svg rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-charts-blue); stroke-width: 1.5; }
svg .cluster rect { stroke: var(--vscode-charts-purple); }
svg .identity.system rect { stroke: var(--vscode-charts-green); }
svg .missing rect { stroke: var(--vscode-editorError-foreground, #e51400); stroke-width: 2; stroke-dasharray: 4 2; }
svg .missing text { fill: var(--vscode-editorError-foreground, #e51400); }
svg path.edge { fill: none; stroke: var(--vscode-descriptionForeground); }
svg path.edge.missing { stroke: var(--vscode-editorError-foreground, #e51400); stroke-dasharray: 4 2; }
svg [data-reveal] { cursor: pointer; }
svg [data-reveal]:focus rect { stroke-width: 3; outline: none; }
.missing { color: var(--vscode-editorError-foreground, #e51400); }
.kind { color: var(--vscode-descriptionForeground); font-weight: normal; }
a { color: var(--vscode-textLink-foreground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
function reveal(el) { vscode.postMessage({ type: 'reveal', location: JSON.parse(el.getAttribute('data-reveal')) }); }
for (const el of document.querySelectorAll('[data-reveal]')) {
  el.addEventListener('click', (e) => { e.preventDefault(); reveal(el); });
  el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(el); } });
}
`;
