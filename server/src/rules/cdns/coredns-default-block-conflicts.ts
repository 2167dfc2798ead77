import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix } from '../kit/fix';
import { AKS_KUBERNETES_ZONES, isDefaultServerKey, overrideVerdict } from '../../model/coredns/aks-default';
import { isServerAddress } from '../../model/coredns/custom-content';
import { memoReportsPerItem } from '../kit/site-lists';
import { configMapSites, corefileValues, type ConfigMapSite, type CorefileValue } from './coredns-configmaps';
import { defaultBlockToOverrideFix } from './default-block-to-override-fix';
import { forwardToServerFix } from './forward-to-server-fix';
import { renameKey } from './yaml-lines';

// AKS-CDNS-003. `.override` text is pasted inside the default `.:53` block (after its forward), `.server` text is
// appended next to it: plugins the default block already has, a second forward, or a second `.:53` all break.

type MessageId = 'oncePluginInOverride' | 'forwardInOverride' | 'serverBlockInOverride' | 'defaultServerRedefined' | 'shadowsKubernetes';

export const rule = defineRule({
  code: 'AKS-CDNS-003',
  name: 'coredns-default-block-conflicts',
  title: 'coredns-custom content does not collide with the AKS default server block',
  severity: 'error',
  category: 'reliability',
  docs: {
    summary: 'Customisations that repeat what the default .:53 block already has make CoreDNS fail to load, or never take effect.',
    rationale:
      'AKS pastes every `.override` value inside its default `.:53 { }` block (`import custom/*.override`) and every `.server` value next to it. ' +
      'That block already holds `errors`, `ready`, `kubernetes`, `prometheus`, `cache` and `loop`, which CoreDNS allows once per server block ' +
      '("this plugin can only be used once per Server Block"): the reload fails and pods started after a restart cannot load the Corefile ' +
      '(inference, not observed in a source). A `forward` in `.override` either fails the same way (CoreDNS < 1.9.4) or never matches, because ' +
      'the default `forward . /etc/resolv.conf` comes first; use a `.server` block for the domain. A `.server` value that declares `.:53` fails ' +
      'with "cannot serve dns://.:53 - it is already defined". A separate server block for `cluster.local` (or its `svc`/`pod` subzones, or the ' +
      'reverse zones) takes those names away from the default block\'s `kubernetes` plugin: reported as a warning, UNVERIFIED end-to-end on AKS.\n\n' +
      'Fixes move a `forward` into a new `<domain>.server` key, rename a server block written under `.override` to `.server`, and turn a ' +
      '`.:53` block into an `.override` key without the wrapper (dropping plugins the default block already has).',
    links: ['https://learn.microsoft.com/azure/aks/coredns-custom', 'https://github.com/coredns/coredns/issues/4729', 'https://github.com/Azure/AKS/issues/3786'],
  },
  messages: {
    oncePluginInOverride:
      '"{plugin}" is already in the AKS default server block; a second instance fails with "this plugin can only be used once per Server Block", ' +
      'so the reload fails and restarted CoreDNS pods cannot load the Corefile.',
    forwardInOverride:
      'forward in .override either fails ("plugin/forward: this plugin can only be used once per Server Block", CoreDNS < 1.9.4) or never matches, ' +
      'because the default "forward . /etc/resolv.conf" is evaluated first. Use a .server block for the domain.',
    serverBlockInOverride: 'Server block "{zone}" in an .override key is pasted inside the default .:53 block, where it is invalid; put it in a .server key.',
    defaultServerRedefined: 'Server block "{zone}" is already defined by AKS ("cannot serve dns://.:53 - it is already defined"). Use .override to add plugins to it.',
    shadowsKubernetes:
      'A separate server block for {zone} shadows the default block\'s kubernetes plugin; in-cluster lookups under it will no longer use it (UNVERIFIED on AKS).',
  },
  messageSeverity: { shadowsKubernetes: 'warning' },
  fixable: true,
  *check(ctx) {
    const sites = configMapSites(ctx);
    // a function of the list, which stays the same array while no ConfigMap changed (most edits)
    yield* memoReportsPerItem(sites, 'AKS-CDNS-003', (site) => siteReports(ctx, site));
  },
});

function* siteReports(ctx: CheckContext, site: ConfigMapSite): Generator<Report<MessageId>> {
  for (const cv of corefileValues(site)) {
    if (cv.kind === 'override') yield* checkOverride(ctx, site, cv);
    else yield* checkServer(ctx, site, cv);
  }
}

function* checkOverride(ctx: CheckContext, site: ConfigMapSite, cv: CorefileValue): Generator<Report<MessageId>> {
  const file = site.origin === 'yaml' ? ctx.getFile(site.file) : undefined;
  const addresses = cv.parsed.corefile.directives.filter((d) => d.block && isServerAddress(d.name));
  for (const d of cv.parsed.corefile.directives) {
    const range = cv.map(d.nameToken.range);
    if (addresses.includes(d)) {
      const allBlocks = addresses.length === cv.parsed.corefile.directives.length;
      const key = `${cv.entry.key.slice(0, -'.override'.length)}.server`;
      const canFix = file && allBlocks && !site.view.data.some((e) => e.key === key);
      const fixes = canFix ? [fix(`Rename key to "${key}"`, renameKey(file, cv.entry.keyRange, key))] : [];
      yield { messageId: 'serverBlockInOverride', data: { zone: d.name }, file: site.file, range, fixes };
      continue;
    }
    const verdict = overrideVerdict(d.name);
    if (verdict.allowed) continue;
    if (verdict.reason === 'once-only-already-in-default') {
      yield { messageId: 'oncePluginInOverride', data: { plugin: d.name }, file: site.file, range };
      continue;
    }
    const f = file && forwardToServerFix(file, site.view.dataMap, cv, d);
    yield { messageId: 'forwardInOverride', file: site.file, range, fixes: f ? [f] : [] };
  }
}

function* checkServer(ctx: CheckContext, site: ConfigMapSite, cv: CorefileValue): Generator<Report<MessageId>> {
  const file = site.origin === 'yaml' ? ctx.getFile(site.file) : undefined;
  for (const sb of cv.parsed.corefile.serverBlocks) {
    if (sb.isSnippet) continue;
    for (const k of sb.keys) {
      const range = cv.map(k.token.range);
      if (isDefaultServerKey(k.zone, k.port, k.scheme)) {
        const f = file && defaultBlockToOverrideFix(file, cv, sb, site.view.data.map((e) => e.key));
        yield { messageId: 'defaultServerRedefined', data: { zone: k.text }, file: site.file, range, fixes: f ? [f] : [] };
        continue;
      }
      if (shadowsClusterZone(k.zone)) yield { messageId: 'shadowsKubernetes', data: { zone: k.zone }, file: site.file, range };
    }
  }
}

/**
 * Zones whose names the kubernetes plugin answers: cluster.local and the reverse zones themselves, and the
 * svc/pod subtrees. Other names under cluster.local (a `my.cluster.local` stub domain) get NXDOMAIN from it anyway.
 */
function shadowsClusterZone(zone: string): boolean {
  const z = zone.toLowerCase().replace(/\.$/, '');
  return AKS_KUBERNETES_ZONES.includes(z) || /(^|\.)(svc|pod)\.cluster\.local$/.test(z);
}
