import * as vscode from 'vscode';
import type { ClusterInfo, ComparisonRow, IdentityInfo, MissingRoleInfo, RoleAssignmentInfo, SourceLocation } from '../../../server/src/lsp/protocol';
import { scopeOf, shortScope } from '../webview/identity-graph';

// "AKS Identities": clusters -> identities -> role assignments and missing roles (+ an az comparison when loaded).
// Data only comes from the aksLint/identities response; the welcome view (package.json) covers the empty case.

type Element =
  | { kind: 'cluster'; cluster: ClusterInfo }
  | { kind: 'identity'; identity: IdentityInfo }
  | { kind: 'role'; role: RoleAssignmentInfo }
  | { kind: 'missing'; missing: MissingRoleInfo }
  | { kind: 'compare'; cluster: ClusterInfo; rows: readonly ComparisonRow[] }
  | { kind: 'row'; row: ComparisonRow };

export const REVEAL_COMMAND = 'aksLint.identities.reveal';

const ICON_BY_KIND: Record<IdentityInfo['kind'], string> = {
  controlPlane: 'server-process',
  kubelet: 'vm',
  addon: 'extensions',
  workload: 'symbol-class',
  servicePrincipal: 'key',
  other: 'person',
};

export class IdentityTreeProvider implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Element | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private clusters: readonly ClusterInfo[] = [];
  private comparisons = new Map<string, readonly ComparisonRow[]>();

  setClusters(clusters: readonly ClusterInfo[]): void {
    this.clusters = clusters;
    void vscode.commands.executeCommand('setContext', 'aksLint.hasClusters', clusters.length > 0);
    this.changed.fire(undefined);
  }

  get current(): readonly ClusterInfo[] {
    return this.clusters;
  }

  setComparison(clusterId: string, rows: readonly ComparisonRow[]): void {
    this.comparisons.set(clusterId, rows);
    this.changed.fire(undefined);
  }

  getChildren(e?: Element): Element[] {
    if (!e) return this.clusters.map((cluster) => ({ kind: 'cluster', cluster }));
    if (e.kind === 'cluster') {
      const ids: Element[] = e.cluster.identities.map((identity) => ({ kind: 'identity', identity }));
      const rows = this.comparisons.get(e.cluster.id);
      return rows ? [...ids, { kind: 'compare', cluster: e.cluster, rows }] : ids;
    }
    if (e.kind === 'identity') {
      return [
        ...e.identity.roleAssignments.map((role): Element => ({ kind: 'role', role })),
        ...e.identity.missingRoles.map((missing): Element => ({ kind: 'missing', missing })),
      ];
    }
    if (e.kind === 'compare') return e.rows.map((row) => ({ kind: 'row', row }));
    return [];
  }

  getTreeItem(e: Element): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (e.kind) {
      case 'cluster': {
        // several clusters: only the one declared in the active editor starts expanded, so it fits the view
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        const open = this.clusters.length === 1 || e.cluster.location?.uri === active ? C.Expanded : C.Collapsed;
        return item(e.cluster.name, open, 'symbol-namespace', e.cluster.location, { description: 'AKS cluster', contextValue: 'cluster' });
      }
      case 'identity': {
        const i = e.identity;
        const origin = i.origin === 'byo' ? `BYO${i.resource ? ` ${i.resource}` : ''}` : i.origin === 'system' ? 'system-created' : '';
        const open = i.roleAssignments.length + i.missingRoles.length > 0 ? C.Expanded : C.None;
        const missing = i.missingRoles.length > 0 ? `, ${i.missingRoles.length} missing` : '';
        return item(i.name, open, ICON_BY_KIND[i.kind] ?? 'person', i.location, { description: `${origin}${missing}`, tooltip: i.explanation, contextValue: 'identity' });
      }
      case 'role':
        return item(`${e.role.role} @ ${shortScope(scopeOf(e.role))}`, C.None, 'shield', e.role.location, { description: e.role.address, tooltip: `${e.role.role} on ${e.role.scope}` });
      case 'missing': {
        const m = e.missing;
        const tip = `${m.reason}${m.fix ? `\nFix: ${m.fix}` : ''}${m.fixSnippet ? `\n\n${m.fixSnippet}` : ''}${m.code ? `\n(${m.code})` : ''}`;
        const t = item(`${m.role} @ ${shortScope(m.scope)}`, C.None, 'warning', m.location, { description: 'missing', tooltip: tip });
        t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return t;
      }
      case 'compare':
        return item('Compared with az aks show', C.Expanded, 'diff', undefined, { description: `${e.rows.length} identities` });
      case 'row': {
        const r = e.row;
        const side = (x: { type: string; resource?: string } | undefined): string => (x ? `${x.resource ?? ''} ${x.type}`.trim() : '—');
        const desc = `declared: ${side(r.declared)}  |  actual: ${side(r.actual)}`;
        const icon = r.status === 'match' ? 'pass' : r.status === 'differs' ? 'error' : 'warning';
        return item(r.title, C.None, icon, undefined, { description: desc, tooltip: [r.role, desc, ...r.notes].join('\n') });
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function item(
  label: string,
  state: vscode.TreeItemCollapsibleState,
  icon: string,
  location: SourceLocation | undefined,
  extra: { description?: string; tooltip?: string; contextValue?: string },
): vscode.TreeItem {
  const t = new vscode.TreeItem(label, state);
  t.iconPath = new vscode.ThemeIcon(icon);
  t.description = extra.description;
  t.tooltip = extra.tooltip;
  t.contextValue = extra.contextValue;
  if (location) t.command = { title: 'Reveal source', command: REVEAL_COMMAND, arguments: [location] };
  return t;
}
