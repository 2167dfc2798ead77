import { WI_CLIENT_ID, WI_USE_LABEL } from '../../model/kubernetes/service-account';
import { asMap, type KEntry } from '../../model/kubernetes/k-value';
import type { PodSpecView } from '../../model/kubernetes/pod-spec';
import type { ServiceAccountView } from '../../model/kubernetes/service-account';
import { resourceTypeOf, trace } from '../../model/identity/trace';
import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertYamlKey, replaceRange, replaceYamlScalar } from '../kit/fix';
import { annotationExpr, labelSites, findServiceAccounts, GUID_RE, isPlaceholder, podServiceAccountName, podSpecs, serviceAccounts, type Site } from './wi-sites';
import { memoOn } from '../kit/memo-on';
import { memoOnLists, memoReportsPerItem } from '../kit/site-lists';

// AKS-WI-002 (aks-rules.md §4.10, §2.8): the client-id annotation belongs on the ServiceAccount, the
// `azure.workload.identity/use: "true"` label on the pod template; the webhook mutates only labelled pods.

type Id = 'missingUseLabel' | 'missingUseLabelByName' | 'unquotedTrue' | 'misplacedUseLabel' | 'clientIdOnPod' | 'clientIdNotGuid' | 'clientIdIsPrincipal';

export const rule = defineRule({
  code: 'AKS-WI-002',
  name: 'workload-identity-labels',
  title: 'Workload identity annotation and label are where the webhook reads them',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'Pods using a workload-identity ServiceAccount need the label `azure.workload.identity/use: "true"` in the pod template; the client ID goes on the ServiceAccount.',
    rationale:
      'The label `azure.workload.identity/use: "true"` is "required in the pod template spec. Only pods with this label are mutated by the ' +
      'azure-workload-identity mutating admission webhook"; without it "the pods fail after they\'re restarted" (workload-identity-overview.md). ' +
      'On the ServiceAccount or the Deployment\'s own metadata it does nothing. Label values are strings: an unquoted `true` is a YAML ' +
      'boolean, which the API rejects.\n\n' +
      '`azure.workload.identity/client-id` is a ServiceAccount annotation holding the **client ID** (a GUID) of the user-assigned identity ' +
      'or app registration, not its object (principal) ID. "If you update the service account annotations, you must restart the pod."\n\n' +
      'Pods and ServiceAccounts are matched across YAML files and Terraform `kubernetes_service_account*` / `kubernetes_manifest` resources; ' +
      'when either side sets no namespace, the match is by name only and the finding is a warning.',
    links: ['https://learn.microsoft.com/azure/aks/workload-identity-overview', 'https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster'],
  },
  messages: {
    missingUseLabel:
      'Pods of {kind} "{name}" run as ServiceAccount "{sa}" (annotated with azure.workload.identity/client-id) but lack the label azure.workload.identity/use: "true"; the workload-identity webhook will not mutate them.',
    missingUseLabelByName:
      'Pods of {kind} "{name}" lack the label azure.workload.identity/use: "true" while a ServiceAccount "{sa}" with azure.workload.identity/client-id exists (matched by name; a namespace is not set).',
    unquotedTrue: 'Label values must be strings; write "true" (an unquoted true is a YAML boolean, which the API rejects).',
    misplacedUseLabel: 'azure.workload.identity/use must be on the pod template labels, not on the {kind}.',
    clientIdOnPod: 'azure.workload.identity/client-id is a ServiceAccount annotation; the webhook ignores it on pods.',
    clientIdNotGuid: 'azure.workload.identity/client-id must be the client ID (a GUID) of the identity, not "{value}".',
    clientIdIsPrincipal: 'azure.workload.identity/client-id is set to {ref}, the object (principal) ID; use the client_id.',
  },
  messageSeverity: { missingUseLabelByName: 'warning', clientIdOnPod: 'warning', clientIdNotGuid: 'warning', clientIdIsPrincipal: 'warning' },
  fixable: true,
  *check(ctx) {
    const sas = serviceAccounts(ctx);
    const pods = podSpecs(ctx);
    // The join is a function of the two lists, which stay the same arrays while no pod or ServiceAccount changed
    // (most edits): replayed then instead of redone for every pod.
    yield* memoOnLists([pods, sas], 'AKS-WI-002', () => [...joinReports(ctx, pods, sas)]);
    // per ServiceAccount, each a function of its site (a Terraform one's trace stays within its unchanged module group)
    yield* memoReportsPerItem(sas, 'AKS-WI-002:client-id', (sa) => clientIdReports(ctx, sa));
    const labels = labelSites(ctx, WI_USE_LABEL);
    yield* memoReportsPerItem(labels, 'AKS-WI-002', ({ view: label, object }) => unquoted(ctx, object.source.file, label));
  },
});

function* joinReports(ctx: CheckContext, pods: readonly Site<PodSpecView>[], sas: readonly Site<ServiceAccountView>[]): Generator<Report<Id>> {
  const usage = new Map<Site<ServiceAccountView>, { labelled: boolean; unlabelled: boolean }>();
  for (const pod of pods) yield* podReports(ctx, pod, sas, usage);
  // A ServiceAccount's label is ignored: a mistake only when its pods lack the label and none of them has it.
  for (const [sa, use] of usage) {
    const label = sa.view.useLabel;
    if (label && use.unlabelled && !use.labelled) yield { messageId: 'misplacedUseLabel', data: { kind: sa.object.kind }, file: sa.object.source.file, range: label.keyRange };
  }
}

function* podReports(ctx: CheckContext, pod: Site<PodSpecView>, sas: readonly Site<ServiceAccountView>[], usage: Map<Site<ServiceAccountView>, { labelled: boolean; unlabelled: boolean }>): Generator<Report<Id>> {
  const { view, object } = pod;
  const file = object.source.file;
  // the pod's own facts are kept with its object (reading YAML values is the costly part, and this runs per pod and edit)
  const { client, label, saName, topLabel } = memoOn(object, 'wi-pod-facts', () => ({
    client: view.annotation(WI_CLIENT_ID),
    label: view.label(WI_USE_LABEL),
    saName: podServiceAccountName(view),
    topLabel: object.kind !== 'Pod' ? object.label(WI_USE_LABEL) : undefined,
  }));
  if (client) yield { messageId: 'clientIdOnPod', file, range: client.keyRange };
  const matches = saName === undefined || isPlaceholder(saName) ? [] : findServiceAccounts(sas, object.namespace, saName, file).filter((m) => m.sa.view.clientId);
  for (const { sa } of matches) {
    const use = usage.get(sa) ?? { labelled: false, unlabelled: false };
    if (label) use.labelled = true;
    else use.unlabelled = true;
    usage.set(sa, use);
  }
  if (label) {
    if (view.metadata !== object.metadata) yield* unquoted(ctx, file, label);
    return;
  }
  if (topLabel) yield { messageId: 'misplacedUseLabel', data: { kind: object.kind }, file, range: topLabel.keyRange };
  if (matches.length === 0 || saName === undefined) return;
  const exact = matches.some((m) => m.exact);
  const range = view.serviceAccountName?.range ?? object.nameValue?.range ?? object.source.range;
  const fixes = object.source.origin === 'yaml' ? addLabelFix(ctx, file, view) : undefined;
  yield { messageId: exact ? 'missingUseLabel' : 'missingUseLabelByName', data: { kind: object.kind, name: object.name ?? '', sa: saName }, file, range, fixes };
}

function addLabelFix(ctx: CheckContext, path: string, view: PodSpecView) {
  const file = ctx.getFile(path);
  if (!file) return undefined;
  const labels = asMap(view.metadata?.get('labels'));
  const edit = labels
    ? insertYamlKey(file, labels, `${WI_USE_LABEL}: "true"`)
    : view.metadata && !view.metadata.get('labels')
      ? insertYamlKey(file, view.metadata, `labels:\n  ${WI_USE_LABEL}: "true"`)
      : undefined;
  return edit ? [fix(`Add the label ${WI_USE_LABEL}: "true" to the pod template`, edit)] : undefined;
}

function* unquoted(ctx: CheckContext, path: string, label: KEntry): Generator<Report<Id>> {
  const v = label.value;
  if (v.kind !== 'scalar' || v.value !== true || v.style !== 'plain') return;
  const file = ctx.getFile(path);
  const edit = file && replaceYamlScalar(file, v, 'true');
  yield { messageId: 'unquotedTrue', file: path, range: v.range, fixes: edit ? [fix('Quote the label value', edit)] : undefined };
}

function* clientIdReports(ctx: CheckContext, sa: Site<{ clientId: KEntry | undefined }>): Generator<Report<Id>> {
  const entry = sa.view.clientId;
  if (!entry) return;
  const file = sa.object.source.file;
  const v = entry.value;
  if (v.kind === 'scalar' && typeof v.value === 'string' && !isPlaceholder(v.value) && !GUID_RE.test(v.value.trim())) {
    yield { messageId: 'clientIdNotGuid', data: { value: v.value }, file, range: v.range };
    return;
  }
  if (!sa.resource) return;
  const at = annotationExpr(sa.resource, WI_CLIENT_ID);
  const t = at && trace(sa.resource.module, at.expr, at.file);
  if (!at || t?.kind !== 'ref' || resourceTypeOf(t.address) !== 'azurerm_user_assigned_identity' || t.path.join('.') !== 'principal_id') return;
  const src = ctx.getFile(t.file);
  const text = src?.text.slice(t.node.range.start, t.node.range.end) ?? '';
  const fixes = src && t.direct && text.endsWith('.principal_id')
    ? [fix('Use client_id', replaceRange(src, { start: t.node.range.end - 'principal_id'.length, end: t.node.range.end }, 'client_id'))]
    : undefined;
  yield { messageId: 'clientIdIsPrincipal', data: { ref: text || `${t.address}.principal_id` }, file: at.file, range: at.expr.range, fixes };
}
