import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, replaceYamlScalar, type SourceText } from '../kit/fix';
import { asScalar, scalarText } from '../../model/kubernetes/k-value';
import type { SpcObject } from '../../model/kubernetes/spc-objects';
import type { SpcSecretObject } from '../../model/kubernetes/secret-provider-class';
import { damerauLevenshtein } from '../../model/azure/did-you-mean';
import { isAzureSpc, isPlaceholder, known, podSites, podsMounting, spcSites, type PodSite, type SpcSite } from './kv-sites';
import { replaceObjectField } from './object-field-edit';
import { memoOnLists } from '../kit/site-lists';

// AKS-KV-004. secretObjects copy mounted *files* into a Kubernetes Secret: each data.objectName must be a file the
// class writes (objectAlias when set), and the sync happens only while a pod mounts the class.

type MessageId = 'unknownObject' | 'tlsKeys' | 'notMounted';

export const rule = defineRule({
  code: 'AKS-KV-004',
  name: 'secret-objects-match-mounted-files',
  title: 'secretObjects name mounted files and are synced by a mounting pod',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A synced Secret names a file the SecretProviderClass does not write, lacks a TLS key, or is never synced because no pod mounts the class.',
    rationale:
      '`secretObjects[].data[].objectName` must equal the mounted file name: the `objectAlias` when one is set, else the `objectName` ' +
      '(with `objectVersionHistory`, `<alias>/<index>`). A `kubernetes.io/tls` Secret needs `tls.key` and `tls.crt`, ' +
      'the key from an object fetched with `objectType: secret`: `cert` has no private key (a `tls.crt` from `cert` is the leaf certificate, which works).\n\n' +
      'Synced Secrets are created only when a pod mounts the SecretProviderClass, live in the pod\'s namespace, and are deleted when the ' +
      'last consuming pod is deleted. A Deployment that only uses `envFrom`/`secretKeyRef` without mounting the CSI volume fails with ' +
      '"secret not found". The information finding says so when no pod in the workspace mounts the class.',
    links: ['https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/configurations/sync-with-k8s-secrets/'],
  },
  messages: {
    unknownObject: 'secretObjects data "{name}" does not match any mounted object (use the objectAlias if one is set).',
    tlsKeys: 'kubernetes.io/tls needs tls.key and tls.crt, the key from an object fetched with objectType: secret{detail}.',
    notMounted:
      'No pod in the workspace mounts SecretProviderClass "{name}": the Secrets of secretObjects are created only while a pod mounts it, ' +
      'in the pod\'s namespace, and are deleted with the last such pod.',
  },
  messageSeverity: { notMounted: 'info' },
  fixable: true,
  *check(ctx) {
    const all = spcSites(ctx);
    const pods = podSites(ctx);
    // a function of the two lists, which stay the same arrays while none of their objects changed (most edits)
    yield* memoOnLists([all, pods], 'AKS-KV-004', () =>
      all.filter((s) => isAzureSpc(s.view) && s.view.secretObjects.length > 0).flatMap((site) => {
        const source = site.yaml ? ctx.getFile(site.file) : undefined;
        return [...checkMapping(site, source), ...checkMounted(site, pods)];
      }),
    );
  },
});

/** File names the class writes, or undefined when any of them is not known. */
function fileNames(objects: readonly SpcObject[]): Map<string, SpcObject> | undefined {
  const names = new Map<string, SpcObject>();
  for (const o of objects) {
    if (!o.fileName || isPlaceholder(o.fileName)) return undefined;
    names.set(o.fileName, o);
    const history = Number(o.field('objectVersionHistory')?.text ?? 0);
    for (let i = 0; history > 1 && i < history; i++) names.set(`${o.fileName}/${i}`, o);
  }
  return names;
}

function* checkMapping(site: SpcSite, source: SourceText | undefined): Generator<Report<MessageId>> {
  const objects = site.view.objects;
  if (objects?.status !== 'ok') return;
  const names = fileNames(objects.objects);
  if (!names) return;
  for (const so of site.view.secretObjects) {
    for (const d of so.data) {
      const value = asScalar(d.objectName);
      if (!value || typeof value.value !== 'string' || names.has(value.text) || isPlaceholder(value.text)) continue;
      const best = closest(value.text, objects.objects, [...names.keys()]);
      const edit = best && source ? replaceYamlScalar(source, value, best) : undefined;
      yield { messageId: 'unknownObject', data: { name: value.text }, file: site.file, range: value.range, fixes: edit ? [fix(`Use "${best}"`, edit)] : [] };
    }
    yield* checkTls(site, so, names, source);
  }
}

/** The alias of an object named `name`, else the nearest file name by edit distance. */
function closest(name: string, objects: readonly SpcObject[], files: readonly string[]): string | undefined {
  const aliased = objects.find((o) => o.objectName === name && o.objectAlias);
  if (aliased) return aliased.objectAlias;
  const ranked = files.map((f) => ({ f, d: damerauLevenshtein(name.toLowerCase(), f.toLowerCase()) })).sort((a, b) => a.d - b.d);
  const top = ranked[0];
  const unique = top && (ranked.length === 1 || ranked[1].d > top.d);
  return unique && top.d <= Math.max(2, Math.floor(name.length / 4)) ? top.f : undefined;
}

function* checkTls(site: SpcSite, so: SpcSecretObject, names: Map<string, SpcObject>, source: SourceText | undefined): Generator<Report<MessageId>> {
  const type = asScalar(so.type);
  if (type?.text !== 'kubernetes.io/tls') return;
  const keys = new Set(so.data.map((d) => scalarText(d.key)));
  if (so.data.some((d) => d.key?.kind === 'unknown')) return;
  const missing = ['tls.key', 'tls.crt'].filter((k) => !keys.has(k));
  // tls.crt from a cert object is the leaf certificate, which works; only the key must come from a secret object
  const certs = new Set<SpcObject>();
  for (const d of so.data) {
    if (scalarText(d.key) !== 'tls.key') continue;
    const o = names.get(scalarText(d.objectName) ?? '');
    if (o?.objectType === 'cert') certs.add(o);
  }
  if (missing.length === 0 && certs.size === 0) return;
  const detail = [missing.length ? `; missing ${missing.join(' and ')}` : '', certs.size ? `; "${[...certs].map((o) => o.objectName).join('", "')}" is fetched with objectType: cert (no private key)` : ''].join('');
  yield { messageId: 'tlsKeys', data: { detail }, file: site.file, range: type.range, fixes: missing.length ? [] : certFix(certs, source) };
}

function certFix(certs: ReadonlySet<SpcObject>, source: SourceText | undefined): Fix[] {
  if (!source) return [];
  const edits = [...certs].map((o) => replaceObjectField(source, o.field('objectType')!, 'secret'));
  return edits.every((e) => e) ? [fix('Fetch with objectType: secret (private key + chain)', edits.map((e) => e!))] : [];
}

function* checkMounted(site: SpcSite, pods: readonly PodSite[]): Generator<Report<MessageId>> {
  const name = known(site.object.name);
  const at = site.view.spec?.entry('secretObjects');
  if (name === undefined || !at || podsMounting(site, pods).length > 0) return;
  yield { messageId: 'notMounted', data: { name }, file: site.file, range: site.yaml ? at.keyRange : at.value.range };
}
