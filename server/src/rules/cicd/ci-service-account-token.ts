import type { TfBlock, TfModule, TfResource } from '../../model/terraform/model-types';
import type { K8sObject } from '../../model/kubernetes/object';
import { scalarText } from '../../model/kubernetes/k-value';
import { roleBindingView } from '../../model/kubernetes/rbac';
import { defineRule, type Fix, type Report } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange, type SourceText } from '../kit/fix';
import { eolOf, indentationAt, lineContentEnd } from '../kit/fix-text';
import { mapList } from '../kit/site-lists';

// AKS-CICD-002 (aks-rules.md §4.8, Lesson 8, §2.9): the CI service account's token and RBAC, in YAML and in
// Terraform kubernetes_* resources: token Secrets without the service-account annotation, default_secret_name (empty
// since Kubernetes 1.24), ServiceAccounts bound to cluster-admin, and long-lived token Secrets in general.

type Id = 'tokenSecretNoAnnotation' | 'defaultSecretName' | 'clusterAdmin' | 'longLivedToken';

const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_ANNOTATION = 'kubernetes.io/service-account.name';
const SECRET_TYPES = new Set(['kubernetes_secret', 'kubernetes_secret_v1']);
const SA_TYPES = new Set(['kubernetes_service_account', 'kubernetes_service_account_v1']);
const CRB_TYPES = new Set(['kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1']);

export const rule = defineRule({
  code: 'AKS-CICD-002',
  name: 'ci-service-account-token',
  title: 'CI service account tokens are bound, short-lived and not cluster-admin',
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'Service-account token Secrets need the service-account annotation; avoid default_secret_name, cluster-admin bindings and long-lived tokens.',
    rationale:
      'Since Kubernetes 1.24 no token Secret is created for a ServiceAccount (`LegacyServiceAccountTokenNoAutoGeneration`), so ' +
      '`kubernetes_service_account_v1.X.default_secret_name` is empty. A Secret of type `kubernetes.io/service-account-token` ' +
      'is filled only when it carries the annotation `kubernetes.io/service-account.name`; in Terraform also set ' +
      '`wait_for_service_account_token = true`. Such tokens never expire: prefer `kubernetes_token_request_v1` (short-lived) or ' +
      'Entra workload identity federation for CI (info). Binding a CI ServiceAccount to `cluster-admin` gives the pipeline ' +
      'every permission in the cluster; prefer a namespaced Role/RoleBinding.',
    links: ['https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/secret_v1', 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
  },
  messages: {
    tokenSecretNoAnnotation: 'Service-account token Secret needs annotation kubernetes.io/service-account.name, or it never receives a token.',
    defaultSecretName: 'Since Kubernetes 1.24 no token Secret is auto-created; default_secret_name is empty. Create a kubernetes_secret_v1 of type kubernetes.io/service-account-token or use kubernetes_token_request_v1.',
    clusterAdmin: 'ServiceAccount {subject} is bound to cluster-admin, so whoever holds its token (a CI pipeline, a tool) controls the whole cluster; prefer a namespaced Role/RoleBinding with only the permissions it needs.',
    longLivedToken: 'Long-lived token: a service-account token Secret never expires; prefer short-lived TokenRequest (kubernetes_token_request_v1) or Entra workload identity federation for CI.',
  },
  messageSeverity: { tokenSecretNoAnnotation: 'error', longLivedToken: 'info' },
  fixable: true,
  *check(ctx) {
    // Per module and per YAML object, each a pure function of it. An edit hands on the other files' modules and
    // objects, so only the edited file's are checked again (mapList), and the reports of all the others are replayed.
    const fromModules = mapList('AKS-CICD-002:modules', ctx.terraform().modules, (module) => nonEmpty([...moduleReports(ctx, module)]));
    const fromYaml = mapList('AKS-CICD-002:objects', ctx.k8sObjects(), (obj) => nonEmpty([...objectReports(obj)]));
    for (const reports of fromModules) yield* reports;
    for (const reports of fromYaml) yield* reports;
  },
});

/** Most modules and objects report nothing: left out of the lists, which then stay short. */
function nonEmpty<R>(reports: R[]): R[] | undefined {
  return reports.length > 0 ? reports : undefined;
}

function objectReports(obj: K8sObject): Iterable<Report<Id>> {
  if (obj.source.origin !== 'yaml') return [];
  if (obj.kind === 'Secret') return yamlSecret(obj);
  if (obj.kind === 'ClusterRoleBinding') return yamlBinding(obj);
  return [];
}

function* moduleReports(ctx: { getFile(p: string): SourceText | undefined }, module: TfModule): Generator<Report<Id>> {
  for (const r of module.resources) {
    if (SECRET_TYPES.has(r.type)) yield* terraformSecret(ctx, module, r);
    else if (CRB_TYPES.has(r.type)) yield* terraformBinding(r);
  }
  // a reference's target is declared in its own module: without a ServiceAccount, no use can match (skips the scan)
  if (!module.resources.some((r) => SA_TYPES.has(r.type))) return;
  for (const use of module.allReferences()) {
    const t = use.reference.target as TfResource | undefined;
    if (use.reference.kind === 'resource' && t && SA_TYPES.has(t.type) && use.reference.path[0] === 'default_secret_name') {
      yield { messageId: 'defaultSecretName', file: use.reference.file, range: use.reference.range };
    }
  }
}

function* terraformSecret(ctx: { getFile(p: string): SourceText | undefined }, module: TfModule, secret: TfResource): Generator<Report<Id>> {
  const type = secret.attribute('type');
  if (type?.value.kind !== 'string' || type.value.value !== TOKEN_TYPE) return;
  yield { messageId: 'longLivedToken', file: type.file, range: type.node.name.range };
  const metadata = secret.block('metadata');
  if (!metadata) return;
  const annotations = metadata.attribute('annotations');
  if (annotations) {
    const v = annotations.value;
    if (v.kind !== 'object' || v.entries.has(SA_ANNOTATION)) return;
  }
  const fixes = annotations ? undefined : annotationFix(ctx, module, secret, metadata);
  yield { messageId: 'tokenSecretNoAnnotation', file: metadata.file, range: metadata.node.type.range, fixes };
}

/** Adds the annotation naming the module's only ServiceAccount, plus wait_for_service_account_token = true. */
function annotationFix(ctx: { getFile(p: string): SourceText | undefined }, module: TfModule, secret: TfResource, metadata: TfBlock): Fix[] | undefined {
  const accounts = module.resources.filter((r) => SA_TYPES.has(r.type) && !r.isCollection);
  const file = ctx.getFile(secret.file);
  const last = metadata.attributes().at(-1);
  if (accounts.length !== 1 || !file || !last || metadata.blocks().length > 0) return undefined;
  const eol = eolOf(file.text);
  const indent = indentationAt(file.text, last.range.start);
  const at = lineContentEnd(file.text, last.range.end);
  // a multi-line value ends fmt's `=` alignment group, so the existing attributes keep their padding
  const text = `${eol}${indent}annotations = {${eol}${indent}  "${SA_ANNOTATION}" = ${accounts[0].address}.metadata[0].name${eol}${indent}}`;
  const edits = [replaceRange(file, { start: at, end: at }, text)];
  if (!secret.attribute('wait_for_service_account_token')) edits.push(...insertAttribute(file, secret.node, 'wait_for_service_account_token = true'));
  return [fix(`Annotate with ServiceAccount ${accounts[0].address}`, edits)];
}

function* terraformBinding(binding: TfResource): Generator<Report<Id>> {
  const ref = binding.block('role_ref');
  const name = ref?.attribute('name');
  const kind = ref?.attribute('kind')?.value;
  if (name?.value.kind !== 'string' || name.value.value !== 'cluster-admin' || (kind?.kind === 'string' && kind.value !== 'ClusterRole')) return;
  for (const subject of binding.blocks('subject')) {
    const k = subject.attribute('kind')?.value;
    if (k?.kind !== 'string' || k.value !== 'ServiceAccount') continue;
    const n = subject.attribute('name')?.value;
    yield { messageId: 'clusterAdmin', data: { subject: n?.kind === 'string' ? `"${n.value}"` : '(name not known)' }, file: name.file, range: name.node.name.range };
    return;
  }
}

function* yamlSecret(obj: K8sObject): Generator<Report<Id>> {
  const type = obj.root.entry('type');
  if (!type || scalarText(type.value) !== TOKEN_TYPE) return;
  yield { messageId: 'longLivedToken', file: obj.source.file, range: type.keyRange };
  if (obj.annotation(SA_ANNOTATION)) return;
  const at = obj.root.entry('metadata')?.keyRange ?? type.keyRange;
  yield { messageId: 'tokenSecretNoAnnotation', file: obj.source.file, range: at };
}

function* yamlBinding(obj: K8sObject): Generator<Report<Id>> {
  const view = roleBindingView(obj);
  if (!view?.roleRef || view.roleRef.name !== 'cluster-admin' || (view.roleRef.kind && view.roleRef.kind !== 'ClusterRole')) return;
  const sa = view.subjects.find((s) => s.kind === 'ServiceAccount');
  if (!sa) return;
  const nameEntry = view.roleRef.map.entry('name');
  const subject = `"${sa.namespace ? `${sa.namespace}/` : ''}${sa.name ?? '?'}"`;
  yield { messageId: 'clusterAdmin', data: { subject }, file: obj.source.file, range: nameEntry?.keyRange ?? view.roleRef.map.range };
}
