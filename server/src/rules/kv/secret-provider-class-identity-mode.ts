import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, insertYamlKey, replaceYamlScalar, type SourceText } from '../kit/fix';
import { asScalar } from '../../model/kubernetes/k-value';
import { EXCLUSIVE_IDENTITY_MODE_PARAMS, SPC_ERRORS, parseGoBool } from '../../model/azure/keyvault';
import { isAzureSpc, isPlaceholder, paramText, spcSites, type SpcSite } from './kv-sites';
import { memoReportsKeyed } from '../kit/memo-on';
import { memoReportsPerItem } from '../kit/site-lists';

// AKS-KV-003. The provider authenticates in exactly one mode: workload identity (clientID), the node's VMSS identity
// (useVMManagedIdentity + userAssignedIdentityID = a client ID), the deprecated pod identity, or the token proxy.

type MessageId = 'multipleModes' | 'podIdentity' | 'vmNoIdentity' | 'vmNoIdentityAddon' | 'clientIdWithVm' | 'notClientId';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const rule = defineRule({
  code: 'AKS-KV-003',
  name: 'secret-provider-class-identity-mode',
  title: 'SecretProviderClass uses one identity mode, with a client ID',
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'The SecretProviderClass enables several identity modes, the deprecated pod identity, or an identity the node does not have.',
    rationale:
      'The Azure provider fails the mount when more than one of `usePodIdentity`, `useVMManagedIdentity` and `useAzureTokenProxy` is ' +
      `"true" ("${SPC_ERRORS.multipleIdentityModes}"). AAD Pod Identity is deprecated (AKS add-on supported through September 2025). ` +
      'With `useVMManagedIdentity: "true"` an empty `userAssignedIdentityID` selects the VM\'s system-assigned identity, which AKS node ' +
      'pools do not use: give the **client ID** of the add-on identity (`key_vault_secrets_provider[0].secret_identity[0].client_id`) or ' +
      'of another identity assigned to the node pool. `clientID` selects workload identity, an alternative to the VM identity. ' +
      'Both IDs are client IDs (GUIDs), not resource IDs or object IDs.\n\n' +
      'Not checked: whether a GUID is an object ID rather than a client ID (principal IDs are computed by Azure, never known statically).',
    links: ['https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access', 'https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/configurations/identity-access-modes/'],
  },
  messages: {
    multipleModes: `${SPC_ERRORS.multipleIdentityModes}; {kept} is kept, set {name} to "false".`,
    podIdentity: 'AAD Pod Identity is deprecated (AKS add-on supported through Sept 2025); use workload identity (clientID) or the add-on identity (useVMManagedIdentity + userAssignedIdentityID).',
    vmNoIdentity: "Empty userAssignedIdentityID uses the VM's system-assigned identity; AKS node pools use user-assigned identities (e.g. the add-on's secret_identity client_id).",
    vmNoIdentityAddon: 'Empty userAssignedIdentityID uses the VM\'s system-assigned identity; use the add-on identity\'s client ID, {cluster}.key_vault_secrets_provider[0].secret_identity[0].client_id (its object ID is for role assignments).',
    clientIdWithVm: 'clientID (workload identity) and useVMManagedIdentity are alternative modes; keep one.',
    notClientId: 'Expected the identity\'s client ID (a GUID) in {name}, found "{value}".',
  },
  messageSeverity: { multipleModes: 'error' },
  fixable: true,
  *check(ctx) {
    const addonClusters = ctx.terraform().resourcesOfType('azurerm_kubernetes_cluster').filter((c) => c.block('key_vault_secrets_provider'));
    const addon = addonClusters.length === 1 ? addonClusters[0].address : undefined;
    const spcs = spcSites(ctx);
    // a function of the classes and the add-on cluster: replayed while neither changed (most edits)
    yield* memoReportsPerItem(spcs, `AKS-KV-003:${addon ?? ''}`, (site) => (isAzureSpc(site.view) ? siteReports(ctx, site, addon) : []));
  },
});

function siteReports(ctx: CheckContext, site: SpcSite, addon: string | undefined): readonly Report<MessageId>[] {
  // kept with the class's object (which survives edits to other files) while the add-on cluster stays the same
  return memoReportsKeyed(site.object, 'AKS-KV-002', addon ?? '', function* () {
    yield* checkModes(site, site.yaml ? ctx.getFile(site.file) : undefined);
    yield* checkIdentity(site, addon);
  });
}

function isOn(site: SpcSite, name: string): boolean {
  const text = paramText(site.view, name);
  return text !== undefined && parseGoBool(text) === true;
}

function* checkModes(site: SpcSite, source: SourceText | undefined): Generator<Report<MessageId>> {
  const on = EXCLUSIVE_IDENTITY_MODE_PARAMS.filter((m) => isOn(site, m));
  // keep a supported mode over the deprecated pod identity
  const kept = on.find((m) => m !== 'usePodIdentity') ?? on[0];
  for (const name of on) {
    const value = asScalar(site.view.parameter(name)!.value)!;
    if (on.length > 1 && name !== kept) {
      const edit = source && replaceYamlScalar(source, value, 'false');
      yield { messageId: 'multipleModes', data: { kept, name }, file: site.file, range: value.range, fixes: edit ? [fix(`Set ${name}: "false"`, edit)] : [] };
    } else if (name === 'usePodIdentity') {
      yield { messageId: 'podIdentity', file: site.file, range: value.range, fixes: podIdentityFix(site, source) };
    }
  }
}

function podIdentityFix(site: SpcSite, source: SourceText | undefined): Fix[] {
  const value = asScalar(site.view.parameter('usePodIdentity')?.value);
  const params = site.view.parameters;
  if (!source || !value || !params) return [];
  const off = replaceYamlScalar(source, value, 'false');
  const client = site.view.parameter('clientID') ? [] : insertYamlKey(source, params, 'clientID: "<client-id>"');
  if (!off || !client) return [];
  return [fix('Switch to workload identity (clientID)', off, client)];
}

function* checkIdentity(site: SpcSite, addonCluster: string | undefined): Generator<Report<MessageId>> {
  const { view, file } = site;
  const vm = view.parameter('useVMManagedIdentity');
  if (vm && isOn(site, 'useVMManagedIdentity')) {
    // a placeholder (`<client id>`, `$CLIENT_ID`) counts as set: it is filled in later
    const uai = view.parameter('userAssignedIdentityID')?.value;
    const empty = !uai || (uai.kind === 'scalar' && uai.text.trim() === '');
    if (empty) {
      const messageId = addonCluster ? 'vmNoIdentityAddon' : 'vmNoIdentity';
      yield { messageId, data: { cluster: addonCluster ?? '' }, file, range: vm.value.range };
    }
    const client = view.parameter('clientID');
    if (client && paramText(view, 'clientID')) yield { messageId: 'clientIdWithVm', file, range: site.yaml ? client.keyRange : client.value.range };
  }
  for (const name of ['userAssignedIdentityID', 'clientID']) {
    const value = asScalar(view.parameter(name)?.value);
    if (!value || typeof value.value !== 'string') continue;
    const text = value.text.trim();
    if (text === '' || GUID_RE.test(text) || isPlaceholder(text)) continue;
    yield { messageId: 'notClientId', data: { name, value: text }, file, range: value.range };
  }
}
