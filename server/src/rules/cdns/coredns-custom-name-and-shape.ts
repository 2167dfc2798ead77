import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, insertAttribute, insertYamlKey, replaceRange, replaceYamlScalar } from '../kit/fix';
import { asScalar, type KEntry } from '../../model/kubernetes/k-value';
import { COREDNS_CONFIGMAP, COREDNS_CUSTOM_CONFIGMAP, COREDNS_NAMESPACE, customKeyKind } from '../../model/coredns/aks-default';
import { configMapSites, hasCustomKeys, isCorednsCustomisation, type ConfigMapSite } from './coredns-configmaps';
import { restructureFix } from './restructure-fix';
import { colonAfterKey, columnOf, isHclStringLiteral } from './yaml-lines';
import type { KValue } from '../../model/kubernetes/k-value';
import { memoOn } from '../kit/memo-on';
import { mapList, memoOnLists } from '../kit/site-lists';

// AKS-CDNS-001. AKS imports customisations only from kube-system/coredns-custom, and kubectl rejects a ConfigMap
// whose name/namespace/data keys were written at the top level (the write-up's own example).

type MessageId = 'reconciled' | 'wrongNamespace' | 'wrongName' | 'missingStructure' | 'notAString';

export const rule = defineRule({
  code: 'AKS-CDNS-001',
  name: 'coredns-custom-name-and-shape',
  title: 'CoreDNS customisations live in a well-formed kube-system/coredns-custom ConfigMap',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'CoreDNS customisations must be data keys of the ConfigMap coredns-custom in kube-system; anything else is ignored, reverted or rejected.',
    rationale:
      'AKS is a managed service: you cannot edit its Corefile. The `coredns` ConfigMap is reconciled by the add-on manager, so edits are ' +
      'reverted; instead CoreDNS imports `custom/*.override` and `custom/*.server` from the ConfigMap `coredns-custom` in `kube-system`. ' +
      'Another name or namespace is silently ignored. A ConfigMap whose `name`/`namespace` sit at the top level (no `metadata:`) or whose ' +
      '`*.server`/`*.override` keys sit at the top level (no `data:`) is rejected by kubectl as unknown fields ("strict decoding error: unknown field"; ' +
      'the exact wording varies by kubectl version, UNVERIFIED for each). A Corefile written without the block scalar indicator `|` is read as YAML: ' +
      'a mapping, or lines folded into one.\n\nFixes rename the ConfigMap or namespace, restore `metadata:`/`data:` around the misplaced fields, ' +
      'and turn the value into a literal block scalar. Reload CoreDNS after a change: `kubectl --namespace kube-system rollout restart deployment coredns`.',
    links: ['https://learn.microsoft.com/azure/aks/coredns-custom', 'https://github.com/Azure/AKS/issues/811'],
  },
  messages: {
    reconciled: 'AKS reconciles the "coredns" ConfigMap and reverts edits; put customisations in "coredns-custom".',
    wrongNamespace: 'coredns-custom must be in namespace kube-system, not {found}; AKS reads only kube-system/coredns-custom.',
    wrongName: 'AKS reads CoreDNS customisations only from the ConfigMap named coredns-custom; "{name}" is ignored.',
    missingStructure: 'ConfigMap is missing {missing}; {fields} sit at the top level, where kubectl rejects them as unknown fields.',
    notAString: 'The value of "{key}" must be a string; without a block scalar "|" YAML reads the Corefile as {what}.',
  },
  fixable: true,
  *check(ctx) {
    const sites = configMapSites(ctx);
    const dirs = kustomizationDirs(ctx);
    // a function of the sites and the kustomization folders, which stay the same arrays while none changed (most edits)
    yield* memoOnLists([sites, dirs], 'AKS-CDNS-001', () => sites.flatMap((site) => [...siteReports(ctx, site, dirs)]));
  },
});

function* siteReports(ctx: CheckContext, site: ConfigMapSite, kustomizationDirs: readonly string[]): Generator<Report<MessageId>> {
  yield* identity(ctx, site, kustomizationDirs);
  if (site.origin === 'yaml') {
    yield* structure(ctx, site);
    if (isCorednsCustomisation(site)) yield* stringValues(ctx, site);
  }
}

function* identity(ctx: CheckContext, site: ConfigMapSite, kustomizationDirs: readonly string[]): Generator<Report<MessageId>> {
  const { object } = site;
  const name = asScalar(object.nameValue);
  if (!name || typeof name.value !== 'string') return;
  if (object.name === COREDNS_CONFIGMAP && object.namespace === COREDNS_NAMESPACE) {
    yield { messageId: 'reconciled', file: site.file, range: name.range, fixes: (c) => setValue(c, site, name, COREDNS_CUSTOM_CONFIGMAP, 'Rename to coredns-custom') };
    return;
  }
  if (object.name === COREDNS_CUSTOM_CONFIGMAP) {
    const ns = object.namespaceValue;
    if (ns && (ns.kind !== 'scalar' || ns.value === COREDNS_NAMESPACE || typeof ns.value !== 'string')) return;
    if (!ns && site.origin === 'yaml' && kustomized(kustomizationDirs, site.file)) return; // kustomize may set the namespace: Unknown
    const found = ns ? `"${asScalar(ns)!.text}"` : 'whatever namespace is current (none is set)';
    yield { messageId: 'wrongNamespace', data: { found }, file: site.file, range: (ns ?? name).range, fixes: (c) => namespaceFix(c, site, ns) };
    return;
  }
  if (hasCustomKeys(site.view) && isCorednsCustomisation(site)) {
    yield { messageId: 'wrongName', data: { name: name.text }, file: site.file, range: name.range, fixes: (c) => setValue(c, site, name, COREDNS_CUSTOM_CONFIGMAP, 'Rename to coredns-custom') };
  }
}

/** A kustomization in the manifest's folder may set `namespace:` for it. */
function kustomized(kustomizationDirs: readonly string[], file: string): boolean {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return kustomizationDirs.includes(dir);
}

/**
 * Folders (with their trailing "/", '' for the root) holding a kustomization file, in path order, once per YAML file
 * set, and the same array while they stay the same (the check's results are kept per list of folders).
 */
function kustomizationDirs(ctx: CheckContext): readonly string[] {
  // kept with the YAML objects list, which is rebuilt whenever a YAML file (hence a YAML path) changes; both reads
  // record the same input (the YAML files)
  return memoOn(ctx.k8sObjects(), 'kustomization-dirs', () => mapList('kustomization-dirs', ctx.files('yaml'), kustomizationDir));
}

function kustomizationDir(f: { readonly path: string }): string | undefined {
  const slash = f.path.lastIndexOf('/');
  return /^(kustomization\.ya?ml|Kustomization)$/.test(f.path.slice(slash + 1)) ? f.path.slice(0, slash + 1) : undefined;
}

function setValue(ctx: CheckContext, site: ConfigMapSite, value: KValue, to: string, title: string): Fix[] {
  const file = ctx.getFile(site.file);
  const scalar = asScalar(value);
  if (!file || !scalar) return [];
  if (site.origin === 'terraform') {
    return isHclStringLiteral(file.text, scalar.range) ? [fix(title, replaceRange(file, scalar.range, JSON.stringify(to)))] : [];
  }
  const edit = replaceYamlScalar(file, scalar, to);
  return edit ? [fix(title, edit)] : [];
}

function namespaceFix(ctx: CheckContext, site: ConfigMapSite, ns: KValue | undefined): Fix[] {
  const title = 'Set namespace kube-system';
  if (ns) return setValue(ctx, site, ns, COREDNS_NAMESPACE, title);
  const file = ctx.getFile(site.file);
  if (!file) return [];
  if (site.origin === 'terraform') {
    const metadata = site.resource?.block('metadata');
    const edits = metadata ? insertAttribute(file, metadata.node, `namespace = "${COREDNS_NAMESPACE}"`) : [];
    return edits.length ? [fix(title, edits)] : [];
  }
  const metadata = site.object.metadata;
  const edit = metadata && insertYamlKey(file, metadata, `namespace: ${COREDNS_NAMESPACE}`);
  return edit ? [fix(title, edit)] : [];
}

const META_FIELDS = ['name', 'namespace', 'labels', 'annotations'];

function* structure(ctx: CheckContext, site: ConfigMapSite): Generator<Report<MessageId>> {
  const { root } = site.object;
  const meta = site.object.metadata ? [] : root.entries.filter((e) => META_FIELDS.includes(e.key));
  const data = root.entries.filter((e) => customKeyKind(e.key) !== 'invalid');
  const topName = asScalar(root.get('name'))?.text ?? site.object.name ?? '';
  if (meta.length === 0 && data.length === 0) return;
  if (data.length === 0 && !/core-?dns/i.test(topName)) return;
  const missing = [meta.length ? '"metadata:"' : '', data.length ? '"data:"' : ''].filter(Boolean).join(' and ');
  const fields = [...meta, ...data].map((e) => e.key).join(', ');
  const first = [...meta, ...data].sort((a, b) => a.keyRange.start - b.keyRange.start)[0];
  const file = ctx.getFile(site.file);
  const f = file && restructureFix(file, root, [{ parent: 'metadata', entries: meta }, { parent: 'data', entries: data }]);
  yield { messageId: 'missingStructure', data: { missing, fields }, file: site.file, range: first.keyRange, fixes: f ? [f] : [] };
}

function* stringValues(ctx: CheckContext, site: ConfigMapSite): Generator<Report<MessageId>> {
  const file = ctx.getFile(site.file);
  if (!file) return;
  for (const e of site.view.data) {
    const v = e.value;
    const what = v.kind === 'map' ? 'a mapping' : v.kind === 'seq' ? 'a list' : foldedPlain(file.text, e.entry) ? 'one line (plain scalars fold line breaks)' : undefined;
    if (!what) continue;
    const edit = blockScalarEdit(file.text, e.entry);
    const fixes = edit ? [fix('Write the value as a literal block scalar "|"', { file: file.path, ...edit })] : [];
    yield { messageId: 'notAString', data: { key: e.key, what }, file: site.file, range: e.keyRange, fixes };
  }
}

/** A plain scalar whose source spans several lines: YAML joins them with spaces. */
function foldedPlain(text: string, entry: KEntry): boolean {
  const v = entry.value;
  return v.kind === 'scalar' && v.style === 'plain' && typeof v.value === 'string' && text.slice(v.range.start, v.range.end).includes('\n');
}

/** Inserts ` |` after the key's colon when the value starts on a later line and no line sits left of its first line. */
function blockScalarEdit(text: string, entry: KEntry): { range: { start: number; end: number }; newText: string } | undefined {
  const colon = colonAfterKey(text, entry);
  const start = entry.value.range.start;
  if (colon === undefined || text.slice(colon, start).indexOf('\n') < 0) return undefined;
  const indent = columnOf(text, start);
  if (indent <= columnOf(text, entry.keyRange.start)) return undefined;
  const body = text.slice(start, entry.value.range.end).split('\n').slice(1);
  if (body.some((l) => l.trim() !== '' && l.length - l.trimStart().length < indent)) return undefined;
  return { range: { start: colon, end: colon }, newText: ' |' };
}
