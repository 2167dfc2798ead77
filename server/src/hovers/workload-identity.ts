import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import type { KEntry } from '../model/kubernetes/k-value';
import { podSpecOf } from '../model/kubernetes/pod-spec';
import { OIDC_REQUIRED_ERROR, POD_IDENTITY, WI_AUDIENCE, WI_PREFIX, WI_LIMITS, workloadIdentityKey } from '../model/azure/workload-identity';

// Hover on workload-identity labels and annotations (YAML) and on the Terraform arguments workload identity depends
// on: where each key belongs and what it holds (aks-rules.md §2.8, AKS-WI-001..004).

type Hover = { markdown: string; range: TextRange };

const SOURCE = 'Source: MicrosoftDocs/azure-aks-docs articles/aks/workload-identity-overview.md, workload-identity-deploy-cluster.md';

const TF_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  azurerm_kubernetes_cluster: {
    workload_identity_enabled: `Enables Microsoft Entra Workload ID. Needs \`oidc_issuer_enabled = true\` (azurerm: "${OIDC_REQUIRED_ERROR}").`,
    oidc_issuer_enabled:
      'Enables the cluster OIDC issuer that workload identity tokens come from. It cannot be disabled once enabled. Issuer URL: ' +
      '`oidc_issuer_url` / `az aks show --query oidcIssuerProfile.issuerUrl`, form `https://{region}.oic.prod-aks.azure.com/{tenant_id}/{uuid}/`.',
  },
  azurerm_federated_identity_credential: {
    issuer: 'The cluster\'s OIDC issuer URL: use `azurerm_kubernetes_cluster.<name>.oidc_issuer_url`; a mismatch yields AADSTS70021 / AADSTS700211.',
    subject: '`system:serviceaccount:<namespace>:<serviceaccount>`, matching the ServiceAccount that carries `azure.workload.identity/client-id`.',
    audience: `\`["${WI_AUDIENCE}"]\`, the "default and recommended audience". At most 20 federated credentials per managed identity.`,
  },
};

export function hoverWorkloadIdentity(ws: Workspace, file: string, offset: number): Hover | undefined {
  return yamlHover(ws, file, offset) ?? terraformHover(ws, file, offset);
}

function yamlHover(ws: Workspace, file: string, offset: number): Hover | undefined {
  const objects = ws.kubernetes(file)?.objects ?? [];
  for (const object of objects) {
    const pod = podSpecOf(object);
    const entries: { entry: KEntry; where: string }[] = [
      ...object.labels.map((entry) => ({ entry, where: `${object.kind} label` })),
      ...object.annotations.map((entry) => ({ entry, where: `${object.kind} annotation` })),
      ...(pod && pod.metadata !== object.metadata
        ? [...pod.labels.map((entry) => ({ entry, where: 'pod template label' })), ...pod.annotations.map((entry) => ({ entry, where: 'pod template annotation' }))]
        : []),
    ];
    const hit = entries.find(({ entry }) => entry.keyRange.start <= offset && offset <= entry.keyRange.end);
    if (!hit) continue;
    const markdown = keyMarkdown(hit.entry.key, hit.where);
    if (markdown) return { markdown, range: hit.entry.keyRange };
  }
  return undefined;
}

function keyMarkdown(key: string, where: string): string | undefined {
  if (key === POD_IDENTITY.label) {
    return [
      '**aadpodidbinding** (AAD Pod Identity, deprecated 2022-10-24; the AKS add-on was supported through Sept 2025)',
      '',
      'Migrate to Workload ID: enable `oidc_issuer_enabled` + `workload_identity_enabled`; add a federated credential for the ServiceAccount; ' +
        'annotate it with `azure.workload.identity/client-id`; label pods `azure.workload.identity/use: "true"`; remove `aadpodidbinding`.',
      '',
      'Source: MicrosoftDocs/azure-aks-docs articles/aks/use-azure-ad-pod-identity.md',
    ].join('\n');
  }
  if (!key.startsWith(WI_PREFIX)) return undefined;
  const k = workloadIdentityKey(key);
  if (!k) return [`**${key}**: not a documented workload identity key.`, '', SOURCE].join('\n');
  const lines = [`**${k.key}** — ${k.placement}`, '', `Value: ${k.value}`];
  if (k.note) lines.push('', k.note);
  if (!fits(k.placement, where)) lines.push('', `Here it is a ${where}; it belongs on the ${k.placement}.`);
  lines.push('', `Note: ${WI_LIMITS[1]}.`, '', SOURCE);
  return lines.join('\n');
}

/** Whether a key documented for `placement` sits where it works (`where` as yamlHover names it). */
function fits(placement: string, where: string): boolean {
  const pod = where === 'Pod label' || where === 'pod template label' ? 'label' : where === 'Pod annotation' || where === 'pod template annotation' ? 'annotation' : undefined;
  const sa = where === 'ServiceAccount annotation';
  switch (placement) {
    case 'ServiceAccount annotation':
      return sa;
    case 'Pod annotation':
      return pod === 'annotation';
    case 'ServiceAccount or Pod annotation':
      return sa || pod === 'annotation';
    default:
      return pod === 'label';
  }
}

function terraformHover(ws: Workspace, file: string, offset: number): Hover | undefined {
  if (!file.endsWith('.tf')) return undefined;
  for (const module of ws.terraform().modules) {
    for (const r of module.resources) {
      const table = TF_ARGUMENTS[r.type];
      if (!table || r.file !== file || offset < r.range.start || offset > r.range.end) continue;
      for (const a of r.attributes()) {
        const text = table[a.name];
        const range = a.node.name.range;
        if (text && range.start <= offset && offset <= range.end) return { markdown: [`**${a.name}**`, '', text, '', SOURCE].join('\n'), range };
      }
    }
  }
  return undefined;
}
