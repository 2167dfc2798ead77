import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertYamlKey, replaceYamlScalar, type SourceText } from '../kit/fix';
import { asScalar, scalarText } from '../../model/kubernetes/k-value';
import type { PodVolume } from '../../model/kubernetes/pod-spec';
import type { K8sObject } from '../../model/kubernetes/object';
import { serviceAccountView } from '../../model/kubernetes/service-account';
import { damerauLevenshtein } from '../../model/azure/did-you-mean';
import { CSI_DRIVER_NAME, SPC_ERRORS } from '../../model/azure/keyvault';
import { isPlaceholder, isSecretsStoreVolume, namespaceOf, paramText, podSites, spcSites, spcsForPod, volumeSpcName, type PodSite, type SpcSite } from './kv-sites';
import { memoOn } from '../kit/memo-on';
import { mapList, memoOnLists, sameAsLast } from '../kit/site-lists';

// AKS-KV-005. The pod side of the CSI mount: the driver name (no "x-", unlike the API group), readOnly: true (the
// node server rejects anything else) and a SecretProviderClass that exists in the pod's namespace.

type MessageId = 'driver' | 'readOnly' | 'spcMissing' | 'notInNamespace' | 'notFound' | 'notFoundByName' | 'serviceAccount';

export const rule = defineRule({
  code: 'AKS-KV-005',
  name: 'csi-volume-mounts-secret-provider-class',
  title: 'Secrets Store CSI volumes are read-only and name an existing SecretProviderClass',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A pod\'s Secrets Store CSI volume cannot mount: wrong driver name, not read-only, or no SecretProviderClass of that name in the pod\'s namespace.',
    rationale:
      'The driver is `secrets-store.csi.k8s.io` (the API group `secrets-store.csi.x-k8s.io` is not a driver name). The node server ' +
      `rejects writable mounts ("${SPC_ERRORS.readonlyRequired}"), so the volume needs \`readOnly: true\`. ` +
      '"The SecretProviderClass has to be in the same namespace as the pod referencing it."\n\n' +
      'Namespaces are matched as written: a pod or class without `metadata.namespace` matches by name only, and a missing class is then a ' +
      'warning. Nothing is reported when the workspace declares no SecretProviderClass at all (it is managed elsewhere). ' +
      'With workload identity (`clientID`), the driver requests a token for the pod\'s service account, so that account\'s ' +
      'federated credential and `azure.workload.identity/client-id` must match; this is a warning, and silent when the account is not in the workspace.',
    links: ['https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access', 'https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/getting-started/usage/'],
  },
  messages: {
    driver: `CSI driver name is ${CSI_DRIVER_NAME} (found "{value}").`,
    readOnly: `The Secrets Store CSI driver rejects non-read-only mounts ("${SPC_ERRORS.readonlyRequired}"); set readOnly: true.`,
    spcMissing: 'volumeAttributes.secretProviderClass is missing: the driver does not know which SecretProviderClass to mount.',
    notInNamespace: 'SecretProviderClass "{name}" not found in namespace "{namespace}" (it exists in "{others}"); it must be in the pod\'s namespace.',
    notFound: 'SecretProviderClass "{name}" not found in namespace "{namespace}".',
    notFoundByName: 'SecretProviderClass "{name}" not found in the workspace (the pod\'s namespace is not set, so any namespace was searched).',
    serviceAccount: 'The CSI driver requests a token for the pod\'s service account; its federated credential must match system:serviceaccount:{namespace}:{sa}{detail}.',
  },
  messageSeverity: { notFoundByName: 'warning', serviceAccount: 'warning' },
  fixable: true,
  *check(ctx) {
    const pods = podSites(ctx);
    if (pods.length === 0) return;
    const spcs = spcSites(ctx);
    const accounts = serviceAccountLists(ctx);
    // a function of these lists, which stay the same arrays while none of their objects changed (most edits)
    yield* memoOnLists([pods, spcs, accounts.yaml, accounts.terraform], 'AKS-KV-005', () => [...podReports(ctx, pods, spcs, accounts)]);
  },
});

function* podReports(ctx: CheckContext, pods: readonly PodSite[], spcs: readonly SpcSite[], accounts: ServiceAccountLists): Generator<Report<MessageId>> {
  for (const site of pods) {
    const volumes = site.pod.volumes.filter((v) => v.csi && isSecretsStoreVolume(v));
    if (volumes.length === 0) continue;
    const source = site.yaml ? ctx.getFile(site.file) : undefined;
    // a volume's own checks are kept with the pod's object (which survives edits to other files)
    const own = memoOn(site.object, 'AKS-KV-005', () => volumes.map((v) => [...checkVolume(site, v, source)]));
    for (let i = 0; i < volumes.length; i++) {
      yield* own[i];
      yield* checkClass(site, volumes[i], spcs, accounts, source);
    }
  }
}

function* checkVolume(site: PodSite, volume: PodVolume, source: SourceText | undefined): Generator<Report<MessageId>> {
  const csi = volume.csi!;
  const driver = asScalar(csi.driver)!;
  if (driver.text !== CSI_DRIVER_NAME) {
    const edit = source && replaceYamlScalar(source, driver, CSI_DRIVER_NAME);
    yield { messageId: 'driver', data: { value: driver.text }, file: site.file, range: driver.range, fixes: edit ? [fix(`Use driver ${CSI_DRIVER_NAME}`, edit)] : [] };
  }
  const readOnly = csi.readOnly;
  if (readOnly?.kind === 'unknown' || (readOnly?.kind === 'scalar' && readOnly.value === true)) return;
  if (readOnly && (readOnly.kind !== 'scalar' || readOnly.value !== false)) return; // other shapes: schema errors, not ours
  const edit = !source ? undefined : readOnly ? { file: source.path, range: readOnly.range, newText: 'true' } : insertYamlKey(source, csi.map, 'readOnly: true');
  const at = readOnly?.range ?? (site.yaml ? volume.map.entry('csi')!.keyRange : csi.map.range);
  yield { messageId: 'readOnly', file: site.file, range: at, fixes: edit ? [fix('Set readOnly: true', edit)] : [] };
}

function* checkClass(site: PodSite, volume: PodVolume, spcs: readonly SpcSite[], accounts: ServiceAccountLists, source: SourceText | undefined): Generator<Report<MessageId>> {
  const csi = volume.csi!;
  if (!csi.secretProviderClass) {
    if (csi.map.get('volumeAttributes')?.kind === 'unknown') return;
    const at = site.yaml ? volume.map.entry('csi')!.keyRange : csi.map.range;
    yield { messageId: 'spcMissing', file: site.file, range: at };
    return;
  }
  const name = volumeSpcName(volume);
  if (name === undefined || spcs.length === 0) return;
  const namespace = namespaceOf(site.object);
  const found = spcsForPod(spcs, namespace, name);
  if (found.length > 0) {
    yield* checkServiceAccount(accounts, site, found[0].site, csi.secretProviderClass.range);
    return;
  }
  const value = asScalar(csi.secretProviderClass)!;
  const elsewhere = [...new Set(spcs.filter((s) => s.object.name === name).map((s) => namespaceOf(s.object)!))].sort();
  const reachable = spcs.filter((s) => namespaceOf(s.object) === undefined || namespace === undefined || namespaceOf(s.object) === namespace);
  // a class named by a placeholder could be this one
  if (reachable.some((s) => s.object.name === undefined || isPlaceholder(s.object.name))) return;
  const best = closestName(name, reachable.map((s) => s.object.name).filter((n): n is string => n !== undefined));
  const edit = best && source ? replaceYamlScalar(source, value, best) : undefined;
  const fixes = edit ? [fix(`Use SecretProviderClass "${best}"`, edit)] : [];
  const file = site.file;
  if (elsewhere.length > 0) yield { messageId: 'notInNamespace', data: { name, namespace: namespace!, others: elsewhere.join('", "') }, file, range: value.range, fixes };
  else if (namespace !== undefined) yield { messageId: 'notFound', data: { name, namespace }, file, range: value.range, fixes };
  else yield { messageId: 'notFoundByName', data: { name }, file, range: value.range, fixes };
}

function closestName(name: string, candidates: readonly string[]): string | undefined {
  const ranked = [...new Set(candidates)].map((c) => ({ c, d: damerauLevenshtein(name, c) })).sort((a, b) => a.d - b.d);
  const top = ranked[0];
  if (!top || (ranked.length > 1 && ranked[1].d === top.d)) return undefined;
  return top.d <= Math.max(2, Math.floor(name.length / 4)) ? top.c : undefined;
}

/** Trigger 4: workload identity needs the pod's service account to carry the class's clientID. */
function* checkServiceAccount(accounts: ServiceAccountLists, site: PodSite, spc: SpcSite, at: { start: number; end: number }): Generator<Report<MessageId>> {
  const clientId = paramText(spc.view, 'clientID');
  if (!clientId || isPlaceholder(clientId)) return;
  const namespace = namespaceOf(site.object) ?? namespaceOf(spc.object) ?? '<namespace>';
  const saValue = site.pod.serviceAccountName;
  if (saValue && saValue.kind !== 'scalar') return;
  const sa = scalarText(saValue);
  if (sa === undefined) {
    yield { messageId: 'serviceAccount', data: { namespace, sa: 'default', detail: ': the pod sets no serviceAccountName, so it runs as "default"' }, file: site.file, range: at };
    return;
  }
  const named = serviceAccountsNamed(accounts, sa)
    .filter((o) => namespaceOf(o) === undefined || namespaceOf(site.object) === undefined || namespaceOf(o) === namespaceOf(site.object));
  if (named.length === 0) return; // not in the workspace: unknown
  const annotated = named.map((o) => scalarText(serviceAccountView(o)!.clientId?.value));
  if (annotated.some((v) => v === clientId || (v !== undefined && isPlaceholder(v)))) return;
  if (named.some((o) => serviceAccountView(o)!.clientId?.value.kind === 'unknown')) return;
  const detail = `; ServiceAccount "${sa}" lacks azure.workload.identity/client-id: "${clientId}"`;
  yield { messageId: 'serviceAccount', data: { namespace, sa, detail }, file: site.file, range: at };
}

interface ServiceAccountLists {
  readonly yaml: readonly K8sObject[];
  readonly terraform: readonly K8sObject[];
}

/** The ServiceAccount objects of each side, as lists that stay the same arrays while none of them changed. */
function serviceAccountLists(ctx: CheckContext): ServiceAccountLists {
  const objects = ctx.terraform().kubernetesObjects;
  return {
    yaml: mapList('kv-sa', ctx.k8sObjects(), (o) => (o.kind === 'ServiceAccount' ? o : undefined)),
    terraform: memoOn(objects, 'kv-sa', () => sameAsLast('tf:kv-sa', objects.map((t) => t.object).filter((o) => o.kind === 'ServiceAccount'))),
  };
}

/** ServiceAccounts named `name`, YAML first, then Terraform's (each side indexed once per list). */
function serviceAccountsNamed(accounts: ServiceAccountLists, name: string): K8sObject[] {
  const index = (list: readonly K8sObject[]): ReadonlyMap<string | undefined, K8sObject[]> =>
    memoOn(list, 'service-accounts-by-name', () => {
      const byName = new Map<string | undefined, K8sObject[]>();
      for (const o of list) {
        const found = byName.get(o.name);
        if (found) found.push(o);
        else byName.set(o.name, [o]);
      }
      return byName;
    });
  return [...(index(accounts.yaml).get(name) ?? []), ...(index(accounts.terraform).get(name) ?? [])];
}
