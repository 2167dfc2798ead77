import type { ClusterInfo, RoleAssignmentInfo, SourceLocation } from '../../../server/src/lsp/protocol';

// Lays the identity model of one cluster out as an SVG graph: cluster -> identities -> role assignments -> scopes,
// missing required roles in red. Colours come from theme variables through CSS classes (no inline styles: the
// webview's CSP forbids them). Nodes with a source location carry it in data attributes for "reveal".

const COL_X = [10, 230, 470, 710];
const NODE_W = 200;
const NODE_H = 34;
const ROW_H = 48;

interface Node {
  readonly col: number;
  readonly row: number;
  readonly label: string;
  readonly cls: string;
  readonly location?: SourceLocation;
  readonly tooltip?: string;
}

export function identityGraphSvg(cluster: ClusterInfo): string {
  const nodes: Node[] = [];
  const edges: [Node, Node, string][] = [];
  let row = 0;
  const clusterNode: Node = { col: 0, row: 0, label: cluster.name, cls: 'cluster', location: cluster.location, tooltip: `Cluster ${cluster.name}` };
  nodes.push(clusterNode);
  for (const id of cluster.identities) {
    const idNode: Node = { col: 1, row, label: id.name, cls: `identity ${id.origin}`, location: id.location, tooltip: id.explanation };
    nodes.push(idNode);
    edges.push([clusterNode, idNode, 'edge']);
    let r = row;
    for (const ra of id.roleAssignments) {
      const roleNode: Node = { col: 2, row: r, label: ra.role, cls: 'role', location: ra.location, tooltip: `${ra.role} on ${ra.scope}` };
      const scopeNode: Node = { col: 3, row: r, label: shortScope(scopeOf(ra)), cls: 'scope', tooltip: ra.scope };
      nodes.push(roleNode, scopeNode);
      edges.push([idNode, roleNode, 'edge'], [roleNode, scopeNode, 'edge']);
      r++;
    }
    for (const m of id.missingRoles) {
      const tip = `Missing: ${m.role} on ${m.scope}. ${m.reason}${m.fix ? ` Fix: ${m.fix}` : ''}`;
      const roleNode: Node = { col: 2, row: r, label: `missing: ${m.role}`, cls: 'role missing', location: m.location, tooltip: tip };
      const scopeNode: Node = { col: 3, row: r, label: shortScope(m.scope), cls: 'scope missing', tooltip: m.scope };
      nodes.push(roleNode, scopeNode);
      edges.push([idNode, roleNode, 'edge missing'], [roleNode, scopeNode, 'edge missing']);
      r++;
    }
    row = Math.max(r, row + 1);
  }
  const height = Math.max(1, row) * ROW_H + 10;
  const width = COL_X[3] + NODE_W + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="graph-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="graph-title">Identities of cluster ${esc(cluster.name)} (the same content is listed as text below)</title>`,
    ...edges.map(([a, b, cls]) => edgeSvg(a, b, cls)),
    ...nodes.map(nodeSvg),
    '</svg>',
  ];
  return parts.join('\n');
}

function edgeSvg(a: Node, b: Node, cls: string): string {
  const x1 = COL_X[a.col] + NODE_W;
  const y1 = a.row * ROW_H + 5 + NODE_H / 2;
  const x2 = COL_X[b.col];
  const y2 = b.row * ROW_H + 5 + NODE_H / 2;
  const mx = (x1 + x2) / 2;
  return `<path class="${cls}" d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}"/>`;
}

function nodeSvg(n: Node): string {
  const x = COL_X[n.col];
  const y = n.row * ROW_H + 5;
  const reveal = n.location ? ` data-reveal="${esc(JSON.stringify(n.location))}" tabindex="0" role="button"` : '';
  return [
    `<g class="node ${n.cls}"${reveal} aria-label="${esc(n.tooltip ?? n.label)}">`,
    `<title>${esc(n.tooltip ?? n.label)}</title>`,
    `<rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="6"/>`,
    `<text x="${x + 10}" y="${y + 22}">${esc(truncate(n.label, 28))}</text>`,
    '</g>',
  ].join('');
}

/** What a role assignment's scope resolves to when the model knows, else the expression as written. */
export function scopeOf(ra: RoleAssignmentInfo): string {
  return ra.scopeResolvesTo && ra.scopeResolvesTo !== 'unknown' ? ra.scopeResolvesTo : ra.scope;
}

/** The last two segments of an Azure resource id (`virtualNetworks/vnet-spoke`), or the expression as written. */
export function shortScope(scope: string): string {
  const segs = scope.split('/').filter(Boolean);
  return segs.length >= 2 && scope.startsWith('/') ? segs.slice(-2).join('/') : scope;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
