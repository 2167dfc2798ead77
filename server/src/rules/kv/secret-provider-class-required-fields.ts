import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertYamlKey, replaceYamlScalar } from '../kit/fix';
import { asScalar, type KMap } from '../../model/kubernetes/k-value';
import { memoReports } from '../kit/memo-on';
import { memoOnLists } from '../kit/site-lists';
import { KEYVAULT_NAME_RE, SPC_ERRORS, SPC_PROVIDER, UNVERIFIED_V1ALPHA1, vaultNameFromUrl } from '../../model/azure/keyvault';
import { isAzureSpc, isPlaceholder, namespaceOf, podSites, spcSites, spcsForPod, isSecretsStoreVolume, podsNaming, volumeSpcName, type PodSite, type SpcSite } from './kv-sites';

// AKS-KV-001. The Azure provider refuses a SecretProviderClass without keyvaultName, tenant or objects, with a vault
// URL for a name, or under another provider name; and the CSI driver looks the class up in the pod's namespace.

type MessageId = 'provider' | 'parametersMissing' | 'keyvaultNameMissing' | 'tenantMissing' | 'objectsMissing' | 'keyvaultNameFormat' | 'namespace' | 'v1alpha1';

export const rule = defineRule({
  code: 'AKS-KV-001',
  name: 'secret-provider-class-required-fields',
  title: 'Azure SecretProviderClasses have provider, vault name, tenant and objects',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A SecretProviderClass the Azure provider cannot use: wrong provider name, a missing or malformed vault name, no tenant, or no objects.',
    rationale:
      'The Azure Key Vault provider reads `spec.parameters` when a pod mounts the class and fails the mount with ' +
      '"keyvaultName is not provided", "tenantId is not provided" or "objects is not set". `keyvaultName` is the vault **name** ' +
      '(3–24 characters of `[-a-zA-Z0-9]`), not its URL. `spec.provider` must be exactly `azure`. ' +
      'The class must live in the namespace of the pods that mount it.\n\n' +
      'Quick fixes: extract the name from a vault URL, insert a `tenantID` placeholder, set `provider: azure`.\n\n' +
      `\`secrets-store.csi.x-k8s.io/v1alpha1\` is reported as information only. UNVERIFIED: ${UNVERIFIED_V1ALPHA1}\n\n` +
      'Classes of other providers (vault, aws, gcp, …) are not checked.',
    links: ['https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access', 'https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/getting-started/usage/'],
  },
  messages: {
    provider: 'spec.provider must be "azure" for the Azure Key Vault provider (found "{value}").',
    parametersMissing: 'spec.parameters is missing: the Azure provider needs keyvaultName, tenantID and objects.',
    keyvaultNameMissing: `${SPC_ERRORS.keyvaultNameMissing}: add parameters.keyvaultName (the vault name).`,
    tenantMissing: `${SPC_ERRORS.tenantMissing}: add parameters.tenantID (the vault's tenant).`,
    objectsMissing: `${SPC_ERRORS.objectsMissing}: add parameters.objects listing the Key Vault objects to mount.`,
    keyvaultNameFormat: 'keyvaultName must be the vault name (3–24 characters of [-a-zA-Z0-9]), not a URL or resource ID (found "{value}").',
    namespace: 'SecretProviderClass "{name}" is in namespace "{namespace}", but pods mounting it run in "{podNamespace}"; the class must be in the pod\'s namespace.',
    v1alpha1: 'Use apiVersion secrets-store.csi.x-k8s.io/v1 (v1alpha1 is the pre-GA API).',
  },
  messageSeverity: { v1alpha1: 'info' },
  fixable: true,
  *check(ctx) {
    const all = spcSites(ctx);
    const pods = podSites(ctx);
    // a function of the two lists, which stay the same arrays while none of their objects changed (most edits)
    yield* memoOnLists([all, pods], 'AKS-KV-001', () => {
      const spcs = all.filter((s) => isAzureSpc(s.view));
      return spcs.flatMap((site) => [
        // a class's own fields: kept with its object, which survives edits to other files
        ...memoReports(site.object, 'AKS-KV-001', () => checkFields(ctx, site)),
        ...checkNamespace(site, spcs, pods),
      ]);
    });
  },
});

function* checkFields(ctx: CheckContext, site: SpcSite): Generator<Report<MessageId>> {
  const { view, object, file } = site;
  const source = site.yaml ? ctx.getFile(file) : undefined;
  const apiVersion = object.root.get('apiVersion');
  if (object.apiVersion.endsWith('/v1alpha1') && apiVersion) yield { messageId: 'v1alpha1', file, range: apiVersion.range };

  const provider = asScalar(view.provider);
  if (provider && provider.text !== SPC_PROVIDER) {
    const edit = source && replaceYamlScalar(source, provider, SPC_PROVIDER);
    yield { messageId: 'provider', data: { value: provider.text }, file, range: provider.range, fixes: edit ? [fix('Set provider: azure', edit)] : [] };
  } else if (!view.provider && view.spec) {
    const edit = source && insertYamlKey(source, view.spec, `provider: ${SPC_PROVIDER}`);
    const at = object.root.entry('spec')!.keyRange;
    yield { messageId: 'provider', data: { value: '' }, file, range: at, fixes: edit ? [fix('Add provider: azure', edit)] : [] };
  }

  const params = view.parameters;
  if (!params) {
    if (view.parametersValue?.kind === 'unknown' || !view.spec) return;
    yield { messageId: 'parametersMissing', file, range: object.root.entry('spec')!.keyRange };
    return;
  }
  // Terraform object keys carry no range of their own: point at the parameters object there
  const entry = view.spec!.entry('parameters')!;
  const at = site.yaml ? entry.keyRange : entry.value.range;
  if (!view.parameter('keyvaultName')) yield { messageId: 'keyvaultNameMissing', file, range: at };
  if (!view.tenant) yield { messageId: 'tenantMissing', file, range: at, fixes: tenantFix(source, params) };
  if (!view.parameter('objects')) yield { messageId: 'objectsMissing', file, range: at };

  const name = asScalar(view.parameter('keyvaultName')?.value);
  if (name && typeof name.value === 'string' && name.text !== '' && !isPlaceholder(name.text) && !KEYVAULT_NAME_RE.test(name.text)) {
    const extracted = vaultNameFromUrl(name.text);
    const edit = source && extracted ? replaceYamlScalar(source, name, extracted) : undefined;
    const fixes = edit ? [fix(`Use the vault name "${extracted}"`, edit)] : [];
    yield { messageId: 'keyvaultNameFormat', data: { value: name.text }, file, range: name.range, fixes };
  }
}

function tenantFix(source: { path: string; text: string } | undefined, params: KMap) {
  const edit = source && insertYamlKey(source, params, 'tenantID: "<tenant-guid>"');
  return edit ? [fix('Insert a tenantID placeholder', edit)] : [];
}

/** Trigger 4: pods name this class, but run in another (known) namespace where no class of that name exists. */
function* checkNamespace(site: SpcSite, spcs: readonly SpcSite[], pods: readonly PodSite[]): Generator<Report<MessageId>> {
  const name = site.object.name;
  const namespace = namespaceOf(site.object);
  const nsValue = site.object.namespaceValue;
  if (name === undefined || namespace === undefined || !nsValue) return;
  const strays = podsNaming(pods, name).filter((p) => {
    const podNs = namespaceOf(p.object);
    if (podNs === undefined || podNs === namespace) return false;
    return spcsForPod(spcs, podNs, name).length === 0;
  });
  if (strays.length === 0) return;
  const podNamespace = [...new Set(strays.map((p) => namespaceOf(p.object)!))].sort().join('", "');
  const related = strays.map((p) => {
    const volume = p.pod.volumes.find((v) => isSecretsStoreVolume(v) && volumeSpcName(v) === name);
    const range = volume?.csi?.secretProviderClass?.range ?? p.object.source.range;
    return { file: p.file, range, message: `${p.object.kind} "${p.object.name ?? ''}" in namespace "${namespaceOf(p.object)}" mounts it` };
  });
  yield { messageId: 'namespace', data: { name, namespace, podNamespace }, file: site.file, range: nsValue.range, related };
}
