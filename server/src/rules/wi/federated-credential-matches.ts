import type { TfAttribute, TfModule, TfResource } from '../../model/terraform/model-types';
import {
  IDENTITY_BINDING_AUDIENCE, isAksIssuerUrl, MAX_FEDERATED_CREDENTIALS_PER_IDENTITY, parseServiceAccountSubject, serviceAccountSubject, WI_AUDIENCE,
} from '../../model/azure/workload-identity';
import { WI_CLIENT_ID } from '../../model/kubernetes/service-account';
import { resourceTypeOf, trace } from '../../model/identity/trace';
import { stringOf } from '../../model/terraform/value';
import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, insertBlockAfter, replaceRange } from '../kit/fix';
import { isLiteralList, isLiteralScalar } from '../node/node-pools';
import { annotationExpr, findServiceAccounts, serviceAccounts } from './wi-sites';

// AKS-WI-003 (aks-rules.md §4.10, §2.8): federated identity credentials for AKS workload identity name the cluster's
// issuer, a real ServiceAccount and the token-exchange audience. Credentials for other issuers (GitHub Actions, ...)
// are left alone: only credentials whose issuer is an AKS cluster or whose subject is a ServiceAccount are checked.

type Id = 'audience' | 'subjectForm' | 'subjectNoServiceAccount' | 'issuerLiteral' | 'serviceAccountWithoutCredential' | 'tooMany';

const TYPES = ['azurerm_federated_identity_credential', 'azuread_application_federated_identity_credential'];
const UAI = 'azurerm_user_assigned_identity';

export const rule = defineRule({
  code: 'AKS-WI-003',
  name: 'federated-credential-matches',
  title: 'Federated identity credentials match the cluster issuer, a ServiceAccount and the audience',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A federated identity credential for workload identity needs the cluster\'s OIDC issuer URL, the subject `system:serviceaccount:<ns>:<name>` of a real ServiceAccount and the audience `api://AzureADTokenExchange`.',
    rationale:
      'Microsoft Entra ID exchanges the pod\'s Kubernetes token only when issuer, subject and audience all match a federated credential; ' +
      'otherwise it answers `AADSTS70021: No matching federated identity record found for presented assertion` (or `AADSTS700211` for ' +
      'the issuer). The issuer is the cluster\'s `oidc_issuer_url` (form `https://{region}.oic.prod-aks.azure.com/{tenant}/{uuid}/`, with ' +
      'the trailing "/" - that it matters is **not verified**, so a literal issuer is a warning); the subject is ' +
      '`system:serviceaccount:<namespace>:<serviceaccount>`; `api://AzureADTokenExchange` is the "default and recommended audience" ' +
      '(`api://AKSIdentityBinding` only with identity bindings). A managed identity holds at most 20 federated credentials.\n\n' +
      'The rule also follows a Terraform ServiceAccount\'s `azure.workload.identity/client-id` to its `azurerm_user_assigned_identity` and ' +
      'reports when no credential of that identity names the ServiceAccount. A subject with no matching ServiceAccount is a warning, and ' +
      'only when the workspace declares ServiceAccounts at all (Helm charts may create it).',
    links: ['https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster', 'https://learn.microsoft.com/azure/aks/workload-identity-overview'],
  },
  messages: {
    audience: 'Workload identity tokens use audience api://AzureADTokenExchange, not {value}; a mismatch fails the token exchange.',
    subjectForm: 'Subject "{subject}" is not of the form system:serviceaccount:<namespace>:<name>; the token exchange fails with AADSTS70021.',
    subjectNoServiceAccount: 'No ServiceAccount {namespace}/{name} found in this workspace (YAML or kubernetes_service_account*).',
    issuerLiteral:
      'Use azurerm_kubernetes_cluster.<name>.oidc_issuer_url as issuer; "{issuer}" is not an AKS OIDC issuer URL, and a mismatch (even a missing trailing "/") yields AADSTS70021/AADSTS700211.',
    serviceAccountWithoutCredential: 'ServiceAccount {namespace}/{name} uses the client ID of {identity}, which has no federated credential for {subject}.',
    tooMany: '{identity} has {count} federated identity credentials; a managed identity allows at most 20.',
  },
  messageSeverity: { subjectNoServiceAccount: 'warning', issuerLiteral: 'warning' },
  fixable: true,
  *check(ctx) {
    const model = ctx.terraform();
    const creds = TYPES.flatMap((t) => model.resourcesOfType(t));
    const sas = serviceAccounts(ctx);
    for (const cred of creds) yield* credentialReports(ctx, cred, sas);
    yield* perIdentity(ctx, creds.filter((c) => c.type === TYPES[0]));
  },
});

function* credentialReports(ctx: CheckContext, cred: TfResource, sas: ReturnType<typeof serviceAccounts>): Generator<Report<Id>> {
  const issuer = cred.attribute('issuer');
  const subject = cred.attribute('subject');
  const audience = cred.attribute('audience') ?? cred.attribute('audiences');
  const issuerTrace = issuer && trace(cred.module, issuer.expr, issuer.file);
  const issuerIsCluster = issuerTrace?.kind === 'ref' && resourceTypeOf(issuerTrace.address) === 'azurerm_kubernetes_cluster' && issuerTrace.path.join('.') === 'oidc_issuer_url';
  const issuerText = issuerTrace?.kind === 'string' ? issuerTrace.value : undefined;
  const subjectText = subject?.value.kind === 'string' ? subject.value.value : undefined;
  const saSubject = subjectText?.startsWith('system:serviceaccount:') ?? false;
  const aksIssuer = issuerIsCluster || (issuerText !== undefined && isAksIssuerUrl(issuerText));
  if (!aksIssuer && !saSubject) return;
  const file = ctx.getFile(cred.file);
  if (audience && file) {
    const list = knownStrings(audience);
    if (list && !(list.length === 1 && (list[0] === WI_AUDIENCE || list[0] === IDENTITY_BINDING_AUDIENCE))) {
      const fixes = isLiteralList(audience.expr) ? [fix(`Use ${WI_AUDIENCE}`, replaceRange(file, audience.expr.range, `["${WI_AUDIENCE}"]`))] : undefined;
      yield { messageId: 'audience', data: { value: JSON.stringify(list) }, file: audience.file, range: audience.range, fixes };
    }
  }
  if (subject && subjectText !== undefined) {
    const parsed = parseServiceAccountSubject(subjectText);
    if (!parsed) yield { messageId: 'subjectForm', data: { subject: subjectText }, file: subject.file, range: subject.range };
    else if (sas.length > 0 && !sas.some((sa) => sa.object.name === parsed.name && (sa.object.namespace ?? parsed.namespace) === parsed.namespace)) {
      yield { messageId: 'subjectNoServiceAccount', data: { ...parsed }, file: subject.file, range: subject.range };
    }
  }
  if (issuer && issuerText !== undefined && saSubject && !isAksIssuerUrl(issuerText) && file) {
    const clusters = cred.module.resourcesOfType('azurerm_kubernetes_cluster');
    const fixes = clusters.length === 1 && isLiteralScalar(issuer.expr) && issuer.file === cred.file
      ? [fix(`Use ${clusters[0].address}.oidc_issuer_url`, replaceRange(file, issuer.expr.range, `${clusters[0].address}.oidc_issuer_url`))]
      : undefined;
    yield { messageId: 'issuerLiteral', data: { issuer: issuerText }, file: issuer.file, range: issuer.range, fixes };
  }
}

function knownStrings(attr: TfAttribute): string[] | undefined {
  const v = attr.value;
  if (v.kind !== 'list' && v.kind !== 'set') return undefined;
  const out = v.items.map((i) => (i.kind === 'string' ? i.value : undefined));
  return out.includes(undefined) ? undefined : (out as string[]);
}

/** `module:address` of the user-assigned identity an attribute traces to (`<uai>.<attribute>`). */
function uaiKey(module: TfModule, attr: TfAttribute | undefined, attribute: string): string | undefined {
  if (!attr) return undefined;
  const t = trace(module, attr.expr, attr.file);
  if (t?.kind !== 'ref' || t.instance || resourceTypeOf(t.address) !== UAI || t.path.join('.') !== attribute) return undefined;
  return `${t.module.dir}:${t.address}`;
}

function* perIdentity(ctx: CheckContext, creds: readonly TfResource[]): Generator<Report<Id>> {
  const byUai = new Map<string, { creds: TfResource[]; open: boolean }>();
  let unresolved = false;
  for (const c of creds) {
    const key = uaiKey(c.module, c.attribute('user_assigned_identity_id') ?? c.attribute('parent_id'), 'id');
    if (!key) {
      unresolved = true;
      continue;
    }
    const entry = byUai.get(key) ?? { creds: [], open: false };
    entry.creds.push(c);
    const subject = c.attribute('subject')?.value;
    if (c.isCollection || subject?.kind !== 'string') entry.open = true;
    byUai.set(key, entry);
  }
  for (const [key, entry] of byUai) {
    if (entry.open || entry.creds.length <= MAX_FEDERATED_CREDENTIALS_PER_IDENTITY) continue;
    for (const c of entry.creds.slice(MAX_FEDERATED_CREDENTIALS_PER_IDENTITY)) {
      yield { messageId: 'tooMany', data: { identity: key.split(':').pop()!, count: entry.creds.length }, file: c.file, range: c.nameRange };
    }
  }
  // a credential whose identity is not known might be the one a ServiceAccount needs
  if (unresolved) return;
  for (const sa of serviceAccounts(ctx)) {
    if (!sa.resource || !sa.object.name) continue;
    const at = annotationExpr(sa.resource, WI_CLIENT_ID);
    const t = at && trace(sa.resource.module, at.expr, at.file);
    if (!at || t?.kind !== 'ref' || t.instance || resourceTypeOf(t.address) !== UAI || t.path.join('.') !== 'client_id') continue;
    const key = `${t.module.dir}:${t.address}`;
    const entry = byUai.get(key);
    if (entry?.open) continue;
    // the kubernetes provider puts a ServiceAccount without namespace into "default"
    const namespace = sa.object.namespace ?? (sa.object.namespaceValue ? undefined : 'default');
    if (namespace === undefined) continue;
    const subject = serviceAccountSubject(namespace, sa.object.name);
    if (entry?.creds.some((c) => stringOf(c.attribute('subject')?.value) === subject)) continue;
    const uai = t.module.resource(t.address);
    const uaiFile = uai && ctx.getFile(uai.file);
    yield {
      messageId: 'serviceAccountWithoutCredential',
      data: { namespace, name: sa.object.name, identity: t.address, subject },
      file: at.file,
      range: at.expr.range,
      fixes: uai && uaiFile ? credentialFix(uaiFile, uai, namespace, sa.object.name) : undefined,
    };
  }
}

/** Inserts a federated credential for the ServiceAccount after the identity (needs the one cluster of its module for the issuer). */
function credentialFix(file: { path: string; text: string }, uai: TfResource, namespace: string, name: string): Fix[] | undefined {
  const clusters = uai.module.resourcesOfType('azurerm_kubernetes_cluster');
  const label = `${namespace}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');
  if (clusters.length !== 1 || uai.module.resource(`${TYPES[0]}.${label}`)) return undefined;
  // user_assigned_identity_id replaced parent_id in azurerm 4.65; before 5.0 parent_id (+ resource_group_name) still works
  const parent: [string, string][] = (uai.module.azurermMajorVersion ?? 4) >= 5
    ? [['user_assigned_identity_id', `${uai.address}.id`]]
    : [['parent_id', `${uai.address}.id`], ['resource_group_name', `${uai.address}.resource_group_name`]];
  const pairs: [string, string][] = [
    ['name', `"${namespace}-${name}"`],
    ...parent,
    ['audience', `["${WI_AUDIENCE}"]`],
    ['issuer', `${clusters[0].address}.oidc_issuer_url`],
    ['subject', `"${serviceAccountSubject(namespace, name)}"`],
  ];
  const width = Math.max(...pairs.map(([k]) => k.length));
  const snippet = [`resource "${TYPES[0]}" "${label}" {`, ...pairs.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`), '}'].join('\n');
  return [fix(`Add a federated credential for ${namespace}/${name}`, insertBlockAfter(file, uai.node, snippet))];
}
