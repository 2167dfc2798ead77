import { POD_IDENTITY, WI_USE_LABEL } from '../../model/azure/workload-identity';
import { getPath, scalarText } from '../../model/kubernetes/k-value';
import type { K8sObject } from '../../model/kubernetes/object';
import { podSpecOf } from '../../model/kubernetes/pod-spec';
import type { TfResource } from '../../model/terraform/model-types';
import { kubernetesWorkloadsOf } from '../../model/terraform/kubernetes-workloads';
import type { Expr, Node } from '../../syntax/hcl/ast';
import { forEachChild } from '../../syntax/hcl/walk';
import type { TextRange } from '../../text/text-range';
import { defineRule, type FileCheckContext, type Report } from '../kit/define-rule';
import { fix, replaceRange } from '../kit/fix';

// AKS-WI-004 (aks-rules.md §4.10, Lesson 10, §2.9): AAD Pod Identity is deprecated; find its labels, CRDs, the CSI
// driver's pod-identity mode and Helm values that set the label, in YAML and in Terraform.

type Id = 'podIdentityLabel' | 'podIdentityKind' | 'usePodIdentity' | 'helmValues';

const DEPRECATION =
  'AAD Pod Identity was deprecated on 2022-10-24 (project archived Sept 2023; the AKS add-on was supported through Sept 2025). Migrate to Microsoft Entra Workload ID';

export const rule = defineRule({
  code: 'AKS-WI-004',
  name: 'aad-pod-identity-deprecated',
  title: 'AAD Pod Identity is not used',
  severity: 'warning',
  category: 'security',
  scope: 'file',
  fileKinds: ['yaml', 'terraform'],
  docs: {
    summary: 'AAD Pod Identity (`aadpodidbinding` labels, `AzureIdentity` resources, `usePodIdentity`) is deprecated; use Microsoft Entra Workload ID.',
    rationale:
      'The open-source AAD Pod Identity was deprecated on 2022-10-24 and archived in September 2023; the AKS managed add-on was "patched and ' +
      'supported through September 2025" (use-azure-ad-pod-identity.md). Migration checklist:\n\n' +
      '1. enable `oidc_issuer_enabled` and `workload_identity_enabled` on the cluster;\n' +
      '2. create or reuse a user-assigned identity and add a federated credential for the ServiceAccount (AKS-WI-003);\n' +
      '3. annotate the ServiceAccount with `azure.workload.identity/client-id`;\n' +
      '4. label the pod template `azure.workload.identity/use: "true"` and remove `aadpodidbinding`;\n' +
      '5. for the Key Vault CSI driver, replace `usePodIdentity` with `clientID` (workload identity mode).\n\n' +
      'The quick fix swaps the `aadpodidbinding` label for the workload-identity label, offered only when the pod names a ServiceAccount. ' +
      'The `aadpodidentity.k8s.io/v1` API group of the CRDs is not verified from a Microsoft page; the rule matches the kinds.',
    links: ['https://learn.microsoft.com/azure/aks/use-azure-ad-pod-identity', 'https://learn.microsoft.com/azure/aks/workload-identity-migrate-from-pod-identity'],
  },
  messages: {
    podIdentityLabel: `${DEPRECATION}: label pods azure.workload.identity/use: "true" instead of aadpodidbinding.`,
    podIdentityKind: `${DEPRECATION}: {kind} belongs to AAD Pod Identity.`,
    usePodIdentity: `${DEPRECATION}: the CSI driver's usePodIdentity mode is deprecated; use clientID (workload identity).`,
    helmValues: `${DEPRECATION}: these Helm values set the aadpodidbinding label.`,
  },
  fixable: true,
  *check(ctx) {
    const path = ctx.file.path;
    if (ctx.file.kind === 'yaml') {
      for (const object of ctx.kubernetes(path)?.objects ?? []) yield* objectReports(ctx, object, true);
      return;
    }
    // the file's resources are declared in its module: reading only that module keeps edits elsewhere from re-running it
    const module = ctx.terraformModuleOf(path);
    if (!module) return;
    for (const t of [...module.kubernetesObjects, ...kubernetesWorkloadsOf(module)]) {
      if (t.resource.file === path) yield* objectReports(ctx, t.object, manifestKindRange(t.resource));
    }
    for (const r of module.resourcesOfType('helm_release')) if (r.file === path) yield* helmReports(r);
  },
});

/** For YAML objects `true`; for Terraform ones, where `kind` is written in a kubernetes_manifest (if it is). */
function* objectReports(ctx: FileCheckContext, object: K8sObject, yaml: true | TextRange | undefined): Generator<Report<Id>> {
  const path = object.source.file;
  if ((POD_IDENTITY.kinds as readonly string[]).includes(object.kind)) {
    const range = yaml === true ? object.root.entry('kind')?.value.range : yaml;
    yield { messageId: 'podIdentityKind', data: { kind: object.kind }, file: path, range: range ?? object.source.range };
  }
  if (object.kind === 'SecretProviderClass') {
    const v = getPath(object.root, 'spec', 'parameters', 'usePodIdentity');
    if (scalarText(v)?.toLowerCase() === 'true') yield { messageId: 'usePodIdentity', file: path, range: v!.range };
  }
  const pod = podSpecOf(object);
  const label = pod?.label(POD_IDENTITY.label);
  if (!pod || !label) return;
  const canFix = yaml === true && scalarText(pod.serviceAccountName) !== undefined && !pod.label(WI_USE_LABEL);
  const fixes = canFix
    ? [fix(`Replace aadpodidbinding with ${WI_USE_LABEL}: "true"`, replaceRange(ctx.file, { start: label.keyRange.start, end: label.value.range.end }, `${WI_USE_LABEL}: "true"`))]
    : undefined;
  yield { messageId: 'podIdentityLabel', file: path, range: label.keyRange, fixes };
}

const HELM_LABEL = /(^|[\s{,"'])aadpodidbinding["']?\s*[:=]/m;

function* helmReports(r: TfResource): Generator<Report<Id>> {
  const values = r.attribute('values');
  const v = values?.value;
  const known = (v?.kind === 'list' || v?.kind === 'set') && v.items.some((i) => i.kind === 'string' && HELM_LABEL.test(i.value));
  // yamlencode({...}) is not evaluated statically, but its object keys are in the syntax tree
  if (values && (known || hasPodIdentityKey(values.expr))) {
    yield { messageId: 'helmValues', file: values.file, range: values.node.name.range };
  }
  for (const set of r.blocks('set')) {
    const name = set.attribute('name');
    if (name?.value.kind === 'string' && /(^|\.)aadpodidbinding$/.test(name.value.value)) yield { messageId: 'helmValues', file: name.file, range: name.range };
  }
}

/** True when an object constructor inside the expression has the key `aadpodidbinding`. */
function hasPodIdentityKey(expr: Expr): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    const e = n as Expr;
    if (e.kind === 'Object') {
      for (const item of e.items) {
        const k = item.key.kind === 'Parens' ? item.key.expr : item.key;
        const name = k.kind === 'Variable' ? k.name : k.kind === 'Template' && k.parts.length === 1 && k.parts[0].kind === 'TemplateLiteral' ? k.parts[0].value : undefined;
        if (name === POD_IDENTITY.label) found = true;
      }
    }
    forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

/** The range of `kind = "..."` in a kubernetes_manifest's manifest object. */
function manifestKindRange(r: TfResource): TextRange | undefined {
  const m = r.attribute('manifest')?.expr;
  if (m?.kind !== 'Object') return undefined;
  return m.items.find((i) => (i.key.kind === 'Variable' ? i.key.name : undefined) === 'kind')?.value.range;
}
