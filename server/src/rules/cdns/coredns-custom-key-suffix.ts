import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix } from '../kit/fix';
import { CONFIGMAP_KEY_MAX, CONFIGMAP_KEY_PATTERN } from '../../model/coredns/aks-default';
import { suggestCustomKey } from '../../model/coredns/custom-content';
import type { ConfigMapEntry } from '../../model/kubernetes/config-map';
import { memoReportsPerItem } from '../kit/site-lists';
import { configMapSites, isCorednsCustomisation, type ConfigMapSite } from './coredns-configmaps';
import { hclDataKey } from './terraform-data-keys';
import { renameKey } from './yaml-lines';

// AKS-CDNS-002. CoreDNS on AKS imports only `custom/*.override` (inside the default block) and `custom/*.server`
// (top level); any other key of coredns-custom is silently ignored.

type MessageId = 'missingSuffix' | 'invalidKey' | 'corefileOverride';

export const rule = defineRule({
  code: 'AKS-CDNS-002',
  name: 'coredns-custom-key-suffix',
  title: 'coredns-custom data keys end in .server or .override',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A coredns-custom data key that does not end in .server or .override is never imported by CoreDNS.',
    rationale:
      'The AKS Corefile imports `custom/*.override` inside its default `.:53 { }` block and `custom/*.server` at the top level; ' +
      '"the names you specify in the `data` section must end in `.server` or `.override`". A key such as `custom`, `Corefile` or ' +
      '`test.overide` is mounted but never read, so the customisation silently does nothing. Keys must also be valid ConfigMap keys ' +
      '(`[-._a-zA-Z0-9]+`, at most 253 characters).\n\nThe fix corrects a near-miss suffix, or appends `.server` when the value is a server ' +
      'block `zone:port { ... }` and `.override` otherwise. `Corefile.override` is accepted but reported as information: it does not replace ' +
      'the Corefile, it is pasted into the default block like any other `.override` key.',
    links: ['https://learn.microsoft.com/azure/aks/coredns-custom'],
  },
  messages: {
    missingSuffix: 'AKS ignores key "{key}": keys must end in .server (new server blocks) or .override (plugins added to the default block).',
    invalidKey: 'Invalid ConfigMap key "{key}": use only letters, digits, "-", "_" and "." (at most 253 characters).',
    corefileOverride: '"{key}" does not replace the Corefile: like every .override key it is only imported into the default .:53 block.',
  },
  messageSeverity: { corefileOverride: 'info' },
  fixable: true,
  *check(ctx) {
    const sites = configMapSites(ctx);
    // a function of the list, which stays the same array while no ConfigMap changed (most edits)
    yield* memoReportsPerItem(sites, 'AKS-CDNS-002', (site) => siteReports(ctx, site));
  },
});

function* siteReports(ctx: CheckContext, site: ConfigMapSite): Generator<Report<MessageId>> {
  if (!isCorednsCustomisation(site)) return;
  for (const e of site.view.data) yield* checkKey(ctx, site, e);
}

function* checkKey(ctx: CheckContext, site: ConfigMapSite, e: ConfigMapEntry): Generator<Report<MessageId>> {
  const file = ctx.getFile(site.file);
  if (!file) return;
  const hcl = site.origin === 'terraform' ? hclDataKey(site.resource, file.text, e.key) : undefined;
  const range = hcl?.range ?? e.keyRange;
  const data = { key: e.key };
  if (!CONFIGMAP_KEY_PATTERN.test(e.key) || e.key.length > CONFIGMAP_KEY_MAX) {
    yield { messageId: 'invalidKey', data, file: site.file, range };
    return;
  }
  if (e.key.toLowerCase() === 'corefile.override') {
    yield { messageId: 'corefileOverride', data, file: site.file, range };
    return;
  }
  const suggestion = suggestCustomKey(e.key, e.text);
  if (!suggestion) return;
  const taken = site.view.data.some((other) => other.key === suggestion);
  const title = `Rename key to "${suggestion}"`;
  let fixes = [fix(title, renameKey(file, range, suggestion))];
  if (taken || (site.origin === 'terraform' && !hcl?.renamable)) fixes = [];
  yield { messageId: 'missingSuffix', data, file: site.file, range, fixes };
}
