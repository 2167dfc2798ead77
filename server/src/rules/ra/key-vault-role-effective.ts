import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange } from '../kit/fix';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { ClusterFacts } from '../../model/identity/cluster-facts';
import { atLeast, azurermVersion } from '../ver/azurerm-version';
import { classifyPrincipal } from './principal';
import { assignedRole } from './role-of';
import { resolveScope } from './scope';
import { isStringLiteral, perGroupRoleAssignments } from './tf-modules';

// AKS-RA-006. Key Vault data-plane roles only work on vaults that use the Azure RBAC permission model, and the
// Secrets Store CSI add-on identity needs a role that can read values (Reader/Contributor cannot).

// Management-plane roles: they never read values and work whatever the permission model.
const MANAGEMENT_ROLES = new Set(['Key Vault Contributor', 'Key Vault Data Access Administrator']);
const NO_VALUE_ROLES = new Set(['Key Vault Reader', 'Key Vault Contributor']);
const CSI_IDENTITY = 'addon:azureKeyvaultSecretsProvider';

type MessageId = 'accessPolicyVault' | 'cannotReadValues';

export const rule = defineRule({
  code: 'AKS-RA-006',
  name: 'key-vault-role-effective',
  title: 'Key Vault roles can take effect',
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'Key Vault RBAC data roles have no effect on an access-policy vault, and Key Vault Reader/Contributor cannot read secret values.',
    rationale:
      'Key Vault data roles such as "Key Vault Secrets User" "only work for key vaults that use the \'Azure role-based access control\' ' +
      'permission model": `rbac_authorization_enabled = true` (azurerm >= 4.42, Required in 5.0) or `enable_rbac_authorization = true` ' +
      '(older). Without it (the 3.x/4.x default is `false`) the vault uses access policies and the role assignment grants nothing.\n\n' +
      'The Secrets Store CSI add-on identity (`key_vault_secrets_provider[0].secret_identity[0].object_id`) reads values: "Key Vault Secrets User" ' +
      'for `objectType: secret`, "Key Vault Certificate User" for `cert`/`key`. "Key Vault Reader" reads metadata only and "Key Vault Contributor" ' +
      'is management plane only.\n\n' +
      'Not checked yet: matching the object types a SecretProviderClass fetches against the roles of its identity (catalogue trigger 2); ' +
      'client IDs in manifests cannot be tied to Terraform identities statically.',
    links: ['https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access', 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide'],
  },
  messages: {
    accessPolicyVault:
      '{vault} uses access policies, so the Key Vault RBAC data role "{role}" has no effect. Set {flag} = true on the vault or use azurerm_key_vault_access_policy.',
    cannotReadValues: '"{role}" cannot read secret values, so the Secrets Store CSI add-on identity of {cluster} cannot mount them; assign "Key Vault Secrets User" (or "Key Vault Certificate User" for cert/key objects).',
  },
  fixable: true,
  *check(ctx) {
    yield* perGroupRoleAssignments(ctx, 'AKS-RA-006', (module, resource, clusters) => checkAssignment(ctx, module, resource, clusters));
  },
});

function* checkAssignment(ctx: CheckContext, module: TfModule, ra: TfResource, clusters: readonly ClusterFacts[]): Generator<Report<MessageId>> {
  const role = assignedRole(module, ra);
  const name = role?.builtIn?.name;
  if (!role || !name?.startsWith('Key Vault ')) return;
  const scopeAttr = ra.attribute('scope');
  const scope = scopeAttr && resolveScope(module, scopeAttr);
  const vault = scope?.type === 'azurerm_key_vault' && scope.resource?.mode === 'managed' ? scope.resource : undefined;
  if (vault && !MANAGEMENT_ROLES.has(name)) {
    const report = accessPolicyReport(ctx, module, vault, name);
    if (report) yield { ...report, file: role.attribute.file, range: role.attribute.expr.range };
  }
  const principal = ra.attribute('principal_id');
  const who = principal && classifyPrincipal(module, principal, clusters);
  if (NO_VALUE_ROLES.has(name) && who?.role === CSI_IDENTITY) {
    const file = ctx.getFile(role.attribute.file);
    const canFix = file && role.via === 'name' && isStringLiteral(role.attribute.expr);
    yield {
      messageId: 'cannotReadValues',
      data: { role: name, cluster: who.facts.cluster.address },
      file: role.attribute.file,
      range: role.attribute.expr.range,
      fixes: canFix ? [fix('Use "Key Vault Secrets User"', replaceRange(file, role.attribute.expr.range, '"Key Vault Secrets User"'))] : [],
    };
  }
}

/** The finding (without location) when the vault certainly uses access policies. */
function accessPolicyReport(ctx: CheckContext, module: TfModule, vault: TfResource, role: string): Omit<Report<MessageId>, 'file' | 'range'> | undefined {
  const flag = vault.attribute('rbac_authorization_enabled') ?? vault.attribute('enable_rbac_authorization');
  const version = azurermVersion(module);
  const newName = atLeast(version, '4.42.0') === true ? 'rbac_authorization_enabled' : 'enable_rbac_authorization';
  const file = ctx.getFile(vault.file);
  const related = [{ file: vault.file, range: vault.nameRange, message: `${vault.address} permission model` }];
  if (flag) {
    if (flag.value.kind !== 'bool' || flag.value.value) return undefined;
    const literal = flag.expr.kind === 'Bool';
    return {
      messageId: 'accessPolicyVault',
      data: { vault: vault.address, role, flag: flag.name },
      related,
      fixes: file && literal ? [fix(`Set ${flag.name} = true (existing access policies stop applying)`, replaceRange(file, flag.expr.range, 'true'))] : [],
    };
  }
  // Absent: false in 3.x/4.x; in 5.x the argument is Required, so an absent flag is a configuration error of its own.
  if (version.major !== undefined && version.major >= 5) return undefined;
  return {
    messageId: 'accessPolicyVault',
    data: { vault: vault.address, role, flag: newName },
    related,
    fixes: file ? [fix(`Set ${newName} = true (existing access policies stop applying)`, insertAttribute(file, vault.node, `${newName} = true`))] : [],
  };
}
