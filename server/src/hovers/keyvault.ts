import type { Workspace } from '../model/workspace';
import type { TextRange } from '../text/text-range';
import { scalarText } from '../model/kubernetes/k-value';
import { secretProviderClassView, type SecretProviderClassView } from '../model/kubernetes/secret-provider-class';
import type { SpcObject } from '../model/kubernetes/spc-objects';
import { OBJECT_TYPES, SECRET_SYNC_FACTS, SPC_OBJECT_FIELDS, SPC_PARAMETERS } from '../model/azure/keyvault';
import { keyVaultCertificatesNamed } from '../model/azure/keyvault-certificates';

// Hovers for SecretProviderClass manifests (YAML): parameter keys, the fields inside the `objects` string, every
// objectType (the cert / key / secret views of a Key Vault certificate), and secretObjects (sync semantics).
// Terraform kubernetes_manifest values have no per-key ranges, so they get no hover.

export interface Hover {
  readonly markdown: string;
  readonly range: TextRange;
}

const PROVIDER_REPO = 'Azure/secrets-store-csi-driver-provider-azure';
const USAGE_SOURCE = `Source: ${PROVIDER_REPO} website/content/en/getting-started/usage/_index.md`;
const CERTS_SOURCE = `Source: ${PROVIDER_REPO} website/content/en/configurations/getting-certs-and-keys.md`;
const SYNC_SOURCE = `Source: ${PROVIDER_REPO} website/content/en/configurations/sync-with-k8s-secrets.md`;
const ADVICE =
  "If you manage your own X.509 key+cert and don't need Key Vault to issue/renew it, storing the PEM bundle as a plain Key Vault " +
  'secret is simpler; use Key Vault certificates when you want Key Vault-managed renewal (advice, not a Microsoft statement).';

export function hoverKeyvault(ws: Workspace, file: string, offset: number): Hover | undefined {
  for (const object of ws.kubernetes(file)?.objects ?? []) {
    if (offset < object.source.range.start || offset > object.source.range.end) continue;
    const view = secretProviderClassView(object);
    if (view) return spcHover(ws, view, offset);
  }
  return undefined;
}

const within = (r: TextRange, offset: number): boolean => r.start <= offset && offset <= r.end;

function spcHover(ws: Workspace, view: SecretProviderClassView, offset: number): Hover | undefined {
  const secretObjects = view.spec?.entry('secretObjects');
  if (secretObjects && within(secretObjects.keyRange, offset)) {
    return { markdown: [`**secretObjects**: Kubernetes Secrets synced from the mounted files.`, ...SECRET_SYNC_FACTS.map((f) => `- ${f}`), '', SYNC_SOURCE].join('\n'), range: secretObjects.keyRange };
  }
  for (const e of view.parameters?.entries ?? []) {
    if (within(e.keyRange, offset)) return { markdown: parameterMarkdown(ws, e.key), range: e.keyRange };
  }
  for (const o of view.objects?.objects ?? []) {
    for (const f of o.fields) {
      if (f.key === 'objectType' && (within(f.keyRange, offset) || within(f.valueRange, offset))) {
        return { markdown: objectTypeMarkdown(ws, view, o), range: within(f.keyRange, offset) ? f.keyRange : f.valueRange };
      }
      if (within(f.keyRange, offset)) return fieldHover(f.key, f.keyRange);
    }
  }
  return undefined;
}

function parameterMarkdown(ws: Workspace, name: string): string {
  const p = SPC_PARAMETERS.find((x) => x.name === name);
  if (!p) return `**${name}** is not a parameter of the Azure provider; it is ignored.\n\n${USAGE_SOURCE}`;
  const lines = [`**${p.name}**${p.required ? ' (required)' : ''}: ${p.meaning}.`];
  if (p.type === 'bool-string') lines.push('A **string** read with Go `ParseBool`: write `"true"` or `"false"` (quoted).');
  if (p.allowed) lines.push(`Values: ${p.allowed.map((v) => `\`${v}\``).join(', ')}.`);
  if (p.default !== undefined) lines.push(`Default: \`${p.default === '' ? '""' : p.default}\`.`);
  if (p.deprecated) lines.push(`Deprecated: ${p.deprecated}`);
  if (name === 'userAssignedIdentityID') {
    for (const c of ws.terraform().resourcesOfType('azurerm_kubernetes_cluster')) {
      if (!c.block('key_vault_secrets_provider')) continue;
      lines.push(`Use \`${c.address}.key_vault_secrets_provider[0].secret_identity[0].client_id\` (the object ID is for role assignments).`);
    }
  }
  lines.push(USAGE_SOURCE);
  return lines.join('\n\n');
}

function fieldHover(key: string, range: TextRange): Hover | undefined {
  const f = SPC_OBJECT_FIELDS.find((x) => x.name === key);
  if (!f) return undefined;
  const parts = [`**${f.name}**${f.required ? ' (required)' : ''}: ${f.meaning}.`];
  if (f.allowed) parts.push(`Values: ${f.allowed.map((v) => `\`${v}\``).join(', ')}.`);
  if (f.default !== undefined) parts.push(`Default: ${f.default === '' ? '""' : `\`${f.default}\``}.`);
  parts.push(USAGE_SOURCE);
  return { markdown: parts.join('\n\n'), range };
}

function objectTypeMarkdown(ws: Workspace, view: SecretProviderClassView, o: SpcObject): string {
  const rows = OBJECT_TYPES.map((t) => `| \`${t.type}\` | ${t.returnsForCertificate.replace(/\|/g, '\\|')} | ${t.rbacRole} |`);
  const lines = [
    `**objectType** \`${o.objectType ?? ''}\`: what the mounted file holds for a Key Vault *certificate*:`,
    ['| objectType | File content | Role (RBAC vault) |', '|---|---|---|', ...rows].join('\n'),
  ];
  const vault = scalarText(view.parameter('keyvaultName')?.value);
  if (o.objectType === 'cert' && vault && o.objectName) {
    for (const m of keyVaultCertificatesNamed(ws.terraform(), vault, o.objectName)) {
      lines.push(
        `Terraform declares this certificate: \`${m.certificate.address}\` in \`${m.vault.address}\`. \`cert\` mounts its leaf certificate only; ` +
          `\`objectType: secret\` returns the PEM (or PFX with \`objectFormat: pfx\`) with the **private key and the full chain**.`,
      );
    }
  }
  lines.push(ADVICE, CERTS_SOURCE);
  return lines.join('\n\n');
}
