import { identityMapEntry, type IdentityKey, type IdentityMapEntry } from '../model/azure/identity-map';
import { allClusterFacts, matchIdentity, type ClusterFacts } from '../model/identity/cluster-facts';
import { trace } from '../model/identity/trace';
import type { TfAttribute, TfBlock, TfModule } from '../model/terraform/model-types';
import type { Workspace } from '../model/workspace';
import { containsOffset, type TextRange } from '../text/text-range';

// Hovers for identities: on a cluster's identity / kubelet_identity / service_principal / add-on block (what the
// identity is, BYO options, exported attributes, az aks show path), and on any expression that names an identity's
// principal or client ID ("this is the kubelet identity of cluster X").

const BLOCK_KEYS: Record<string, IdentityKey> = {
  identity: 'control-plane',
  service_principal: 'service-principal',
  kubelet_identity: 'kubelet',
  oms_agent: 'addon:omsagent',
  key_vault_secrets_provider: 'addon:azureKeyvaultSecretsProvider',
  ingress_application_gateway: 'addon:ingressApplicationGateway',
  web_app_routing: 'addon:webAppRouting',
  aci_connector_linux: 'addon:aciConnectorLinux',
  azure_policy_enabled: 'addon:azurepolicy',
};

const WORDS: Partial<Record<string, string>> = {
  principal_id: 'principal (object) ID',
  object_id: 'principal (object) ID',
  client_id: 'client (application) ID — not valid as a role assignment principal_id',
  id: 'Azure resource ID',
  user_assigned_identity_id: 'Azure resource ID',
};

export function hoverIdentity(ws: Workspace, file: string, offset: number): { markdown: string; range: TextRange } | undefined {
  const modules = ws.terraform().modules;
  const clusters = allClusterFacts(modules);
  for (const facts of clusters) {
    if (facts.cluster.file !== file || !containsOffset(facts.cluster.range, offset)) continue;
    const hit = blockHover(facts, offset);
    if (hit) return hit;
  }
  for (const module of modules) {
    for (const r of [...module.resources, ...module.dataSources, ...module.outputs.values(), ...module.locals.values()].map(asBlockOrAttr)) {
      const attr = r && attributeAt(r, file, offset);
      if (!attr) continue;
      const hit = expressionHover(module, attr, offset, clusters);
      if (hit) return hit;
    }
  }
  return undefined;
}

function blockHover(facts: ClusterFacts, offset: number): { markdown: string; range: TextRange } | undefined {
  for (const item of facts.cluster.node.body.items) {
    const name = item.kind === 'Block' ? item.type : item.name;
    const key = BLOCK_KEYS[name.name];
    if (!key || !containsOffset(name.range, offset)) continue;
    const entry = identityMapEntry(key);
    if (entry) return { markdown: describeEntry(entry, facts), range: name.range };
  }
  return undefined;
}

function describeEntry(e: IdentityMapEntry, facts: ClusterFacts): string {
  const lines = [`**${e.title}** of cluster \`${facts.cluster.address}\``, '', e.represents, ''];
  lines.push(`- Terraform input: \`${e.terraformInput}\``);
  const exported = [e.terraformIds.principalId, e.terraformIds.objectId, e.terraformIds.clientId, e.terraformIds.resourceId].filter(Boolean);
  if (exported.length) lines.push(`- Exported: ${exported.map((x) => `\`${x}\``).join(', ')}`);
  lines.push(`- \`az aks show\`: \`${e.azAksShowPath}\``);
  lines.push(`- Bring your own identity: ${e.byoSupported ? 'supported' : 'not supported (AKS creates it)'}; default: ${e.defaultResource}`);
  for (const r of e.typicalRoles) lines.push(`- Typical role: ${r.role} on ${r.scope}${r.note ? ` (${r.note})` : ''}`);
  for (const n of e.notes ?? []) lines.push(`- ${n}`);
  lines.push('', `Source: ${e.sources[0]}`);
  return lines.join('\n');
}

type Holder = { block?: TfBlock; attr?: TfAttribute };

function asBlockOrAttr(x: unknown): Holder | undefined {
  const o = x as { node?: unknown; attribute?: TfAttribute; valueAttribute?: TfAttribute };
  if (o.attribute && 'expr' in o.attribute) return { attr: o.attribute };
  if (o.valueAttribute) return { attr: o.valueAttribute };
  return o.node ? { block: x as TfBlock } : undefined;
}

/** The attribute (at any nesting depth) whose value contains the offset. */
function attributeAt(h: Holder, file: string, offset: number): TfAttribute | undefined {
  if (h.attr) return h.attr.file === file && containsOffset(h.attr.expr.range, offset) ? h.attr : undefined;
  const block = h.block!;
  if (block.file !== file || !containsOffset(block.range, offset)) return undefined;
  for (const a of block.attributes()) if (containsOffset(a.expr.range, offset)) return a;
  for (const b of block.blocks()) {
    const hit = attributeAt({ block: b }, file, offset);
    if (hit) return hit;
  }
  return undefined;
}

function expressionHover(module: TfModule, attr: TfAttribute, offset: number, clusters: readonly ClusterFacts[]): { markdown: string; range: TextRange } | undefined {
  const ref = module.referencesIn(attr.expr, attr.file).find((r) => containsOffset(r.range, offset));
  if (!ref) return undefined;
  const t = trace(module, ref.node, attr.file);
  if (t?.kind !== 'ref') return undefined;
  const matches = matchIdentity(t, clusters);
  if (matches.length === 0) return undefined;
  const last = t.path[t.path.length - 1];
  const what = WORDS[String(last)] ?? `\`${String(last)}\``;
  const lines = matches.map((m) => {
    const entry = identityMapEntry(m.role);
    const name = m.facts.cluster.attribute('name')?.value;
    const label = name?.kind === 'string' ? `"${name.value}"` : `\`${m.facts.cluster.address}\``;
    return `This is the **${(entry?.title ?? m.role).toLowerCase()}** of cluster ${label}: its ${what}. \`az aks show\`: \`${entry?.azAksShowPath ?? '?'}\``;
  });
  if (matches.some((m) => m.role === 'control-plane' && m.viaCluster && m.facts.controlPlane.type === 'UserAssigned')) {
    lines.push('', 'This cluster is UserAssigned: `identity[0].principal_id` is empty (`az aks show` reports `identity.principalId: null`); use the user-assigned identity\'s `principal_id`.');
  }
  lines.push('', 'Source: MicrosoftDocs/azure-aks-docs articles/aks/managed-identity-overview.md');
  return { markdown: lines.join('\n'), range: ref.range };
}
