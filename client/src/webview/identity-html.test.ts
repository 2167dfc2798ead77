import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterInfo } from '../../../server/src/lsp/protocol';
import { identityGraphSvg } from './identity-graph';
import { identityPageHtml } from './identity-html';

// The webview page is a pure function of the identity model: CSP, picture and text version are checked here.

const loc = (line: number) => ({ uri: 'file:///w/main.tf', range: { start: { line, character: 0 }, end: { line, character: 5 } } });
const cluster: ClusterInfo = {
  id: 'azurerm_kubernetes_cluster.aks',
  name: 'aks <prod>',
  location: loc(0),
  identities: [
    {
      id: 'cp',
      kind: 'controlPlane',
      role: 'control-plane',
      name: 'id-aks-control-plane',
      type: 'user-assigned',
      origin: 'byo',
      resource: 'azurerm_user_assigned_identity.cp',
      explanation: 'The identity AKS uses to manage Azure resources.',
      azAksShowPath: 'identity',
      location: loc(10),
      roleAssignments: [{ role: 'Network Contributor', scope: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet', location: loc(20) }],
      missingRoles: [],
    },
    {
      id: 'kubelet',
      kind: 'kubelet',
      role: 'kubelet',
      name: 'kubelet',
      type: 'system-assigned',
      origin: 'system',
      explanation: 'Pulls images and attaches disks on the nodes.',
      roleAssignments: [],
      missingRoles: [{ role: 'AcrPull', scope: 'azurerm_container_registry.acr.id', reason: 'Nodes cannot pull images from the registry.', fix: 'Add an AcrPull role assignment', fixSnippet: 'resource "azurerm_role_assignment" "pull" {}', code: 'AKS-RA-002' }],
    },
  ],
};

test('the page has a strict CSP with the nonce and loads nothing remote', () => {
  const html = identityPageHtml(cluster, { nonce: 'N0nce', cspSource: 'vscode-webview://x' });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0nce'/);
  assert.match(csp, /style-src 'nonce-N0nce'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  assert.equal((html.match(/<script /g) ?? []).length, (html.match(/<script nonce="N0nce">/g) ?? []).length);
  assert.doesNotMatch(html, /\b(src|href)="https?:/);
  assert.doesNotMatch(html, / style="/, 'inline style attributes would be blocked by the CSP');
});

test('the picture: cluster -> identities -> roles -> scopes, missing roles in red, nodes reveal their source', () => {
  const svg = identityGraphSvg(cluster);
  assert.match(svg, /role="img" aria-labelledby="graph-title"/);
  for (const label of ['aks &lt;prod&gt;', 'id-aks-control-plane', 'Network Contributor', 'virtualNetworks/vnet', 'missing: AcrPull']) assert.ok(svg.includes(label), label);
  assert.match(svg, /<g class="node role missing"[^>]*aria-label="Missing: AcrPull on azurerm_container_registry\.acr\.id\. Nodes cannot pull images from the registry\. Fix: Add an AcrPull role assignment"/);
  assert.equal((svg.match(/<path class="edge missing"/g) ?? []).length, 2);
  const reveal = /<g class="node identity byo" data-reveal="([^"]+)"/.exec(svg)?.[1];
  assert.deepEqual(JSON.parse(reveal!.replaceAll('&quot;', '"')), loc(10));
});

test('the text version says the same for screen readers', () => {
  const html = identityPageHtml(cluster, { nonce: 'n', cspSource: 'c' });
  assert.match(html, /2 identities, 1 missing required role\./);
  assert.match(html, /Bring-your-own: you create and own it \(<code>azurerm_user_assigned_identity\.cp<\/code>\)\. <code>az aks show<\/code> calls it <code>identity<\/code>\./);
  assert.match(html, /System-created: AKS creates and manages it/);
  assert.match(html, /<li>Network Contributor on <code title="[^"]+">virtualNetworks\/vnet<\/code><\/li>/);
  assert.match(html, /<li class="missing"><strong>AcrPull<\/strong> on <code>azurerm_container_registry\.acr\.id<\/code>: Nodes cannot pull images from the registry\. Fix: Add an AcrPull role assignment<pre><code>resource &quot;azurerm_role_assignment&quot; &quot;pull&quot; {}<\/code><\/pre><\/li>/);
  assert.match(identityPageHtml(undefined, { nonce: 'n', cspSource: 'c' }), /No <code>azurerm_kubernetes_cluster<\/code> was found/);
});
