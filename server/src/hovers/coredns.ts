import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import type { K8sObject } from '../model/kubernetes/object';
import { configMapView, type ConfigMapEntry } from '../model/kubernetes/config-map';
import { COREDNS_CUSTOM_CONFIGMAP, customKeyKind, overrideVerdict, RELOAD_COMMAND } from '../model/coredns/aks-default';
import { executionOrder, isOncePerServerBlock, PLUGIN_SYNTAX, REMOVED_PLUGINS } from '../model/coredns/plugins';
import { pluginReadmePath, pluginSummary } from '../model/coredns/plugin-docs';
import { parseCorefile } from '../syntax/corefile/parse-corefile';
import { allDirectives } from '../syntax/corefile/corefile-ast';

// Hovers for CoreDNS customisation: on a coredns-custom data key, what `.override` and `.server` do on AKS; on a
// plugin name inside a Corefile value, what the plugin does and how it behaves in the AKS default block.

export interface Hover {
  readonly markdown: string;
  readonly range: TextRange;
}

const AKS_SOURCE = 'Source: MicrosoftDocs/azure-aks-docs articles/aks/coredns-custom.md';

export function hoverCoredns(ws: Workspace, file: string, offset: number): Hover | undefined {
  for (const object of configMapsIn(ws, file)) {
    const view = configMapView(object);
    if (!view) continue;
    const custom = object.name === COREDNS_CUSTOM_CONFIGMAP || view.data.some((e) => customKeyKind(e.key) !== 'invalid');
    if (!custom) continue;
    for (const e of view.data) {
      const exactKey = e.keyRange.end <= e.valueRange.start;
      if (exactKey && within(e.keyRange, offset)) return { markdown: keyHover(e.key), range: e.keyRange };
      if (within(e.valueRange, offset)) return pluginHover(e, offset);
    }
  }
  return undefined;
}

function configMapsIn(ws: Workspace, file: string): K8sObject[] {
  const kind = ws.file(file)?.kind;
  if (kind === 'yaml') return [...(ws.kubernetes(file)?.objects ?? [])];
  if (kind === 'terraform') return ws.terraform().kubernetesObjects.filter((t) => t.resource.file === file).map((t) => t.object);
  return [];
}

function within(r: TextRange, offset: number): boolean {
  return r.start <= offset && offset <= r.end;
}

function keyHover(key: string): string {
  const kind = customKeyKind(key);
  const head =
    kind === 'override'
      ? `**\`${key}\`**: \`.override\` key. AKS pastes this text **inside** its default \`.:53 { … }\` server block ` +
        '(`import custom/*.override`), so it holds plugin lines that apply to every query the cluster resolves. Plugins the default ' +
        'block already has (`errors`, `ready`, `kubernetes`, `prometheus`, `cache`, `loop`) and `forward` do not belong here.'
      : kind === 'server'
        ? `**\`${key}\`**: \`.server\` key. AKS appends this text **next to** its default server block (\`import custom/*.server\`), ` +
          'so it holds whole server blocks `zone:53 { … }`, typically one per domain with its own `forward`. Do not declare `.:53` here.'
        : `**\`${key}\`**: AKS ignores this key; names in \`data\` must end in \`.server\` (new server blocks) or \`.override\` ` +
          '(plugins added to the default block).';
  return `${head}\n\nApply the change: \`${RELOAD_COMMAND}\`\n\n${AKS_SOURCE}`;
}

function pluginHover(e: ConfigMapEntry, offset: number): Hover | undefined {
  const kind = customKeyKind(e.key);
  if (kind === 'invalid' || e.text === undefined) return undefined;
  const { corefile } = parseCorefile(e.text, kind === 'override' ? 'directives' : 'servers');
  for (const { directive, depth } of allDirectives(corefile)) {
    if (depth > 0) continue;
    const token = directive.nameToken.range;
    const range = e.mapRange(token);
    // Terraform strings map to the whole value: no precise token, no plugin hover
    if (range.end - range.start !== token.end - token.start || !within(range, offset)) continue;
    return { markdown: pluginMarkdown(directive.name, kind), range };
  }
  return undefined;
}

function pluginMarkdown(name: string, keyKind: 'override' | 'server'): string {
  const summary = pluginSummary(name);
  if (!summary) {
    const replacement = REMOVED_PLUGINS[name];
    const note = replacement ? ` It was removed from CoreDNS; use \`${replacement}\`.` : ' AKS supports built-in plugins only.';
    return `**\`${name}\`** is not a built-in CoreDNS plugin.${note}\n\nSource: coredns/coredns plugin.cfg`;
  }
  const lines = [`**\`${name}\`**: ${summary}`];
  if (PLUGIN_SYNTAX[name]) lines.push(`\`${PLUGIN_SYNTAX[name]}\``);
  if (keyKind === 'override') {
    const verdict = overrideVerdict(name);
    if (!verdict.allowed && verdict.reason === 'once-only-already-in-default') {
      lines.push('In `.override` this fails: the AKS default block already has it, and it is allowed once per server block.');
    } else if (!verdict.allowed) {
      lines.push('In `.override` this never matches (or fails on CoreDNS < 1.9.4): the default `forward . /etc/resolv.conf` comes first. Use a `.server` block.');
    } else if (isOncePerServerBlock(name)) {
      lines.push('Allowed once per server block.');
    }
  }
  const order = executionOrder(name);
  if (order >= 0) lines.push(`Runs at position ${order + 1} of the plugin chain: plugin.cfg order decides, not the order in the Corefile.`);
  lines.push(`Source: coredns/coredns ${pluginReadmePath(name)}`);
  return lines.join('\n\n');
}
