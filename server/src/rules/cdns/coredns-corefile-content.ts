import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix } from '../kit/fix';
import { eolOf, lineStartAt, startsLine, type SourceText } from '../kit/fix-text';
import type { CorefileDirective, CorefileServerBlock, CorefileToken } from '../../syntax/corefile/corefile-ast';
import { FORWARD_MAX_UPSTREAMS, isKnownDirective, isOncePerServerBlock, REMOVED_PLUGINS } from '../../model/coredns/plugins';
import { overrideVerdict } from '../../model/coredns/aks-default';
import { isServerAddress } from '../../model/coredns/custom-content';
import { memoReportsPerItem } from '../kit/site-lists';
import { configMapSites, corefileValues, type ConfigMapSite, type CorefileValue } from './coredns-configmaps';

// AKS-CDNS-004. The Corefile text inside coredns-custom values: syntax, plugin names, and the two traps the AKS
// docs warn about (hosts without fallthrough in the default block, a rewrite to cluster.local sent upstream).

type MessageId = 'syntax' | 'hostsWithoutFallthrough' | 'unknownPlugin' | 'removedPlugin' | 'tooManyUpstreams' | 'rewriteViaResolvConf' | 'duplicatePlugin';

export const rule = defineRule({
  code: 'AKS-CDNS-004',
  name: 'coredns-corefile-content',
  title: 'Corefile text in coredns-custom is valid and does what it seems to',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'Corefile mistakes inside coredns-custom values: unbalanced braces, unknown plugins, duplicate once-only plugins, hosts without fallthrough, too many upstreams.',
    rationale:
      'AKS supports "all built-in CoreDNS plugins" and no third-party ones; an unknown directive (typically the removed `proxy`, replaced by ' +
      '`forward`) makes the Corefile fail to load, and so does a once-only plugin (`hosts`, `cache`, `errors`, ...) written twice into one server ' +
      'block; all `.override` values land in the same default block. In an `.override` value the zone is the root, so `hosts` without `fallthrough` answers ' +
      'NXDOMAIN for every name it does not list, cluster services included. `forward` accepts at most 15 upstreams. A `.server` block that ' +
      'rewrites names to `*.cluster.local` and forwards to `/etc/resolv.conf` sends them to an upstream that cannot resolve cluster names ' +
      '(the AKS docs warn "that server must be able to resolve the rewritten domain name"); put such a rewrite in an `.override` key instead.\n\n' +
      'The catalogue\'s "any change: copy the reload command" information is not reported as a finding (it would flag every valid file); the ' +
      'hover on a coredns-custom key shows `kubectl --namespace kube-system rollout restart deployment coredns`.',
    links: ['https://learn.microsoft.com/azure/aks/coredns-custom', 'https://coredns.io/plugins/hosts/', 'https://github.com/Azure/AKS/issues/1111'],
  },
  messages: {
    syntax: 'Corefile: {message}.',
    hostsWithoutFallthrough: 'hosts without fallthrough in the default block answers NXDOMAIN for every name not listed (including cluster services).',
    unknownPlugin: 'Unknown CoreDNS plugin "{name}"; AKS supports only built-in plugins.',
    removedPlugin: 'The "{name}" plugin was removed from CoreDNS; use "{replacement}".',
    tooManyUpstreams: 'forward has {count} upstreams; CoreDNS accepts at most {max} ("more than {max} TOs configured").',
    duplicatePlugin: '"{plugin}" can be used only once per server block, and {where}; CoreDNS fails to load the Corefile.',
    rewriteViaResolvConf:
      'The upstream in /etc/resolv.conf cannot resolve cluster.local; put the rewrite in a .override key so the default block\'s kubernetes plugin answers.',
  },
  messageSeverity: { unknownPlugin: 'warning', removedPlugin: 'warning', rewriteViaResolvConf: 'warning' },
  fixable: true,
  *check(ctx) {
    const sites = configMapSites(ctx);
    // a function of the list, which stays the same array while no ConfigMap changed (most edits)
    yield* memoReportsPerItem(sites, 'AKS-CDNS-004', (site) => siteReports(ctx, site));
  },
});

function* siteReports(ctx: CheckContext, site: ConfigMapSite): Generator<Report<MessageId>> {
  const values = corefileValues(site);
  for (const cv of values) yield* checkValue(ctx, site, cv);
  yield* duplicates(site, values);
}

function* checkValue(ctx: CheckContext, site: ConfigMapSite, cv: CorefileValue): Generator<Report<MessageId>> {
  const file = site.origin === 'yaml' ? ctx.getFile(site.file) : undefined;
  const at = (r: { start: number; end: number }) => ({ file: site.file, range: cv.map(r) });
  for (const d of cv.parsed.diagnostics) yield { messageId: 'syntax', data: { message: d.message.replace(/\.$/, '') }, ...at(d.range) };
  const cf = cv.parsed.corefile;
  const plugins = cv.kind === 'override' ? cf.directives : cf.serverBlocks.filter((b) => !b.isSnippet).flatMap((b) => b.directives);
  for (const d of plugins) {
    if (cv.kind === 'override' && d.block && isServerAddress(d.name)) continue; // AKS-CDNS-003's finding
    if (d.name === '' || d.nameToken.hasEnv) continue;
    const replacement = REMOVED_PLUGINS[d.name];
    if (replacement) {
      const fixes: Fix[] = file ? [fix(`Replace "${d.name}" with "${replacement}"`, { file: file.path, range: cv.map(d.nameToken.range), newText: replacement })] : [];
      yield { messageId: 'removedPlugin', data: { name: d.name, replacement }, ...at(d.nameToken.range), fixes };
    } else if (!isKnownDirective(d.name)) {
      yield { messageId: 'unknownPlugin', data: { name: d.name }, ...at(d.nameToken.range) };
    }
    if (d.name === 'forward' && d.args.length - 1 > FORWARD_MAX_UPSTREAMS) {
      yield { messageId: 'tooManyUpstreams', data: { count: d.args.length - 1, max: FORWARD_MAX_UPSTREAMS }, ...at(d.nameToken.range) };
    }
    if (cv.kind === 'override' && d.name === 'hosts' && !d.block?.directives.some((s) => s.name === 'fallthrough')) {
      const f = file && fallthroughFix(file, cv, d);
      yield { messageId: 'hostsWithoutFallthrough', ...at(d.nameToken.range), fixes: f ? [f] : [] };
    }
  }
  if (cv.kind === 'server') for (const sb of cf.serverBlocks) for (const t of rewritesToClusterViaResolvConf(sb)) yield { messageId: 'rewriteViaResolvConf', ...at(t.range) };
}

/**
 * Once-only plugins written twice into one server block: inside a `.server` block, or across `.override` values,
 * which all land in the same default block. (Plugins the default block already has are AKS-CDNS-003's.)
 */
function* duplicates(site: ConfigMapSite, values: readonly CorefileValue[]): Generator<Report<MessageId>> {
  const groups: { cv: CorefileValue; d: CorefileDirective }[][] = [];
  const overrides = values.filter((v) => v.kind === 'override').flatMap((cv) => cv.parsed.corefile.directives.map((d) => ({ cv, d })));
  groups.push(overrides.filter(({ d }) => overrideVerdict(d.name).allowed));
  for (const cv of values.filter((v) => v.kind === 'server')) {
    for (const sb of cv.parsed.corefile.serverBlocks) groups.push(sb.directives.map((d) => ({ cv, d })));
  }
  for (const group of groups) {
    const seen = new Map<string, CorefileValue>();
    for (const { cv, d } of group) {
      if (!isOncePerServerBlock(d.name)) continue;
      const first = seen.get(d.name);
      if (!first) {
        seen.set(d.name, cv);
        continue;
      }
      const where = first === cv ? 'this block already has it' : `"${first.entry.key}" already adds it to the default block`;
      yield { messageId: 'duplicatePlugin', data: { plugin: d.name, where }, file: site.file, range: cv.map(d.nameToken.range) };
    }
  }
}

/** `fallthrough` on its own line before the hosts block's closing brace, at the indentation of the block's lines. */
function fallthroughFix(file: SourceText, cv: CorefileValue, d: CorefileDirective): Fix | undefined {
  const close = d.block?.close;
  if (!close) return undefined;
  const closeAt = cv.map(close).start;
  if (!startsLine(file.text, closeAt)) return undefined;
  const inner = d.block!.directives[0];
  const lineStart = lineStartAt(file.text, closeAt);
  const closeIndent = file.text.slice(lineStart, closeAt);
  const indent = inner ? file.text.slice(lineStartAt(file.text, cv.map(inner.nameToken.range).start), cv.map(inner.nameToken.range).start) : `${closeIndent}    `;
  if (indent.trim() !== '') return undefined;
  return fix('Add fallthrough to the hosts block', { file: file.path, range: { start: lineStart, end: lineStart }, newText: `${indent}fallthrough${eolOf(file.text)}` });
}

/** Rewrite targets in cluster.local inside a server block that forwards to a resolv.conf file and has no kubernetes plugin. */
function rewritesToClusterViaResolvConf(sb: CorefileServerBlock): CorefileToken[] {
  const viaFile = sb.directives.some((d) => d.name === 'forward' && d.args.slice(1).some((a) => a.value.startsWith('/')));
  if (!viaFile || sb.directives.some((d) => d.name === 'kubernetes')) return [];
  const out: CorefileToken[] = [];
  for (const d of sb.directives.filter((x) => x.name === 'rewrite')) {
    const tokens = [...d.args, ...(d.block?.directives.flatMap((s) => s.args) ?? [])];
    const target = tokens.find((t) => /\.cluster\.local\.?$/.test(t.value));
    if (target) out.push(target);
  }
  return out;
}
