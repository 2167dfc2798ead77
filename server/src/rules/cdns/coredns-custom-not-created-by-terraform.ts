import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, removeNode, replaceRange } from '../kit/fix';
import { eolOf, indentationAt, lineContentEnd, nextLineStart, type SourceText } from '../kit/fix-text';
import type { FileEdit } from '../kit/define-rule';
import { COREDNS_CUSTOM_CONFIGMAP, COREDNS_NAMESPACE } from '../../model/coredns/aks-default';
import type { TfAttribute, TfResource } from '../../model/terraform/model-types';

// AKS-CDNS-005. AKS pre-creates kube-system/coredns-custom and re-creates it when deleted, so a Terraform resource
// that creates it fails with "already exists"; kubernetes_config_map_v1_data manages the data of the existing one.

const CREATING = ['kubernetes_config_map', 'kubernetes_config_map_v1', 'kubernetes_manifest'];
const DATA_RESOURCE = 'kubernetes_config_map_v1_data';
/** arguments kubernetes_config_map_v1_data does not have */
const DROPPED_ARGS = ['binary_data', 'immutable'];
const KEPT_METADATA = ['name', 'namespace'];

export const rule = defineRule({
  code: 'AKS-CDNS-005',
  name: 'coredns-custom-not-created-by-terraform',
  title: 'Terraform patches coredns-custom instead of creating it',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'Creating kube-system/coredns-custom from Terraform fails because AKS already created it; use kubernetes_config_map_v1_data.',
    rationale:
      'AKS creates the `coredns-custom` ConfigMap (empty) on every cluster and re-creates it if deleted (Azure/AKS#2020; its label ' +
      '`addonmanager.kubernetes.io/mode: EnsureExists` is seen in transcripts, UNVERIFIED from a Microsoft source). A `kubernetes_config_map(_v1)` ' +
      'or `kubernetes_manifest` that creates it fails with "already exists". `kubernetes_config_map_v1_data` manages data within a pre-existing ' +
      'ConfigMap; `force = true` takes over fields another manager owns.\n\nThe fix changes the resource type, keeps `metadata { name, namespace }` ' +
      'and `data`, drops arguments the data resource does not have (labels, annotations, `binary_data`, `immutable`) and adds `force = true`. ' +
      'It is offered only when nothing references the resource (its address changes); run `terraform state rm` or a `removed` block for the old ' +
      'address if it was ever applied.',
    links: ['https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/config_map_v1_data', 'https://github.com/Azure/AKS/issues/2020'],
  },
  messages: {
    createsCustom:
      'AKS pre-creates kube-system/coredns-custom (EnsureExists) and re-creates it if deleted; creating it fails with "already exists". Use kubernetes_config_map_v1_data.',
  },
  fixable: true,
  *check(ctx) {
    for (const t of ctx.terraform().kubernetesObjects) {
      const r = t.resource;
      if (t.management !== 'create' || !CREATING.includes(r.type) || t.object.kind !== 'ConfigMap') continue;
      if (t.object.name !== COREDNS_CUSTOM_CONFIGMAP || t.object.namespace !== COREDNS_NAMESPACE) continue;
      yield report(ctx, r);
    }
  },
});

function report(ctx: CheckContext, r: TfResource): Report<'createsCustom'> {
  const file = ctx.getFile(r.file);
  const referenced = r.module.referencesTo(r).length > 0;
  const f = file && r.type !== 'kubernetes_manifest' && !referenced ? toDataResource(file, r) : undefined;
  return { messageId: 'createsCustom', file: r.file, range: r.typeRange, fixes: f ? [f] : [] };
}

function toDataResource(file: SourceText, r: TfResource): Fix | undefined {
  const edits: FileEdit[] = [replaceRange(file, r.typeRange, JSON.stringify(DATA_RESOURCE))];
  const metadata = r.block('metadata');
  const removed: FileEdit[] = [];
  for (const a of metadata?.attributes() ?? []) if (!KEPT_METADATA.includes(a.name)) removed.push(removeNode(file, a.node));
  for (const b of metadata?.blocks() ?? []) removed.push(removeNode(file, b.node));
  edits.push(...removed);
  if (removed.length) edits.push(...realign(file, (metadata?.attributes() ?? []).filter((a) => KEPT_METADATA.includes(a.name)), removed));
  const dropped = DROPPED_ARGS.map((n) => r.attribute(n)).filter((a): a is TfAttribute => a !== undefined);
  const droppedEdits = dropped.map((a) => removeNode(file, a.node));
  edits.push(...droppedEdits);
  if (droppedEdits.length) edits.push(...realign(file, r.attributes().filter((a) => !dropped.includes(a)), droppedEdits));
  if (!r.attribute('force')) {
    const anchor = r.attribute('data') ?? lastAttribute(r);
    if (!anchor) return undefined;
    edits.push(forceAfter(file, anchor));
  }
  return fix(`Change to ${DATA_RESOURCE} with force = true`, edits);
}

/** Re-pads the `=` of kept single-line attributes that end up on consecutive lines once `removed` is gone. */
function realign(file: SourceText, kept: readonly TfAttribute[], removed: readonly FileEdit[]): FileEdit[] {
  const { text } = file;
  const single = (a: TfAttribute) => !text.slice(a.range.start, a.range.end).includes('\n');
  const between = (a: TfAttribute, b: TfAttribute) => {
    let gap = '';
    let pos = a.range.end;
    for (const e of [...removed].sort((x, y) => x.range.start - y.range.start)) {
      if (e.range.start < pos || e.range.end > b.range.start) continue;
      gap += text.slice(pos, e.range.start);
      pos = e.range.end;
    }
    return gap + text.slice(pos, b.range.start);
  };
  const runs: TfAttribute[][] = [];
  for (const a of kept) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && single(prev) && single(a) && /^[^\n#/]*\n[ \t]*$/.test(between(prev, a))) run.push(a);
    else runs.push([a]);
  }
  const edits: FileEdit[] = [];
  for (const run of runs) {
    const width = Math.max(...run.map((a) => a.name.length));
    for (const a of run) {
      const gap = { start: a.node.name.range.end, end: a.node.equals.start };
      const wanted = ' '.repeat(width - a.name.length + 1);
      if (text.slice(gap.start, gap.end) !== wanted) edits.push(replaceRange(file, gap, wanted));
    }
  }
  return edits;
}

function lastAttribute(r: TfResource): TfAttribute | undefined {
  const all = r.attributes();
  return all[all.length - 1];
}

/**
 * `force = true` on its own line after `anchor`. A blank line separates it from single-line neighbours so that
 * `terraform fmt` has no `=` column to align.
 */
function forceAfter(file: SourceText, anchor: TfAttribute): FileEdit {
  const { text } = file;
  const eol = eolOf(text);
  const at = lineContentEnd(text, anchor.range.end);
  const indent = indentationAt(text, anchor.range.start);
  const multiLine = text.slice(anchor.range.start, anchor.range.end).includes('\n');
  const next = text.slice(nextLineStart(text, at), lineContentEnd(text, nextLineStart(text, at))).trim();
  const before = multiLine ? eol : eol + eol;
  const after = next === '' || next === '}' ? '' : eol;
  return replaceRange(file, { start: at, end: at }, `${before}${indent}force = true${after}`);
}
