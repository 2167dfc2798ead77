import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AKS_ROLES, BUILT_IN_ROLES, findRoleByDefinitionId, findRoleByGuid, findRoleByName, findRoleByNameIgnoreCase,
  isGuid, matchRoleName, parseRoleDefinitionId, roleDefinitionId, roleNotFoundError,
} from './roles';

test('exact lookup is case-sensitive; case-insensitive lookup finds the canonical spelling', () => {
  assert.equal(findRoleByName('AcrPull')?.guid, '7f951dda-4ed3-4680-a7ca-43fe172d538d');
  assert.equal(findRoleByName('acrpull'), undefined);
  assert.equal(findRoleByNameIgnoreCase('  acrpull ')?.name, 'AcrPull');
  assert.equal(findRoleByNameIgnoreCase('network contributor')?.name, 'Network Contributor');
  assert.equal(findRoleByName('Storage Blob Data Reader')?.family, 'Storage'); // non-AKS built-ins are known too
});

test('matchRoleName classifies exact, case-only and unknown names', () => {
  assert.equal(matchRoleName('Reader').kind, 'exact');
  const m = matchRoleName('READER');
  assert.equal(m.kind, 'case-only');
  assert.equal(m.kind === 'case-only' && m.role.name, 'Reader');
  assert.equal(matchRoleName('ArcPull').kind, 'unknown');
});

test('GUID lookup ignores case and whitespace', () => {
  assert.equal(findRoleByGuid('4D97B98B-1D4F-4787-A291-C67834D212E7 ')?.name, 'Network Contributor');
  assert.equal(findRoleByGuid('00000000-0000-0000-0000-000000000000'), undefined);
});

test('role_definition_id parsing: scoped, tenant-level, bare GUID, odd casing; rejects junk', () => {
  const sub = '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/Microsoft.Authorization/roleDefinitions/7F951DDA-4ED3-4680-A7CA-43FE172D538D';
  assert.deepEqual(parseRoleDefinitionId(sub), { guid: '7f951dda-4ed3-4680-a7ca-43fe172d538d', scope: '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590' });
  assert.deepEqual(parseRoleDefinitionId('/providers/microsoft.authorization/roledefinitions/b12aa53e-6015-4669-85d0-8515ebb3ae7f/'), { guid: 'b12aa53e-6015-4669-85d0-8515ebb3ae7f', scope: '' });
  assert.deepEqual(parseRoleDefinitionId('acdd72a7-3385-48ef-bd42-f606fba81ae7'), { guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' });
  assert.equal(parseRoleDefinitionId('/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/not-a-guid'), undefined);
  assert.equal(parseRoleDefinitionId('${data.azurerm_role_definition.x.id}'), undefined);
  assert.equal(parseRoleDefinitionId(''), undefined);
  assert.equal(findRoleByDefinitionId(sub)?.name, 'AcrPull');
  assert.equal(findRoleByDefinitionId(roleDefinitionId('F1A07417-D97A-45CB-824C-7A7467783830', '/subscriptions/s/'))?.name, 'Managed Identity Operator');
  assert.equal(roleDefinitionId('AB', ''), '/providers/Microsoft.Authorization/roleDefinitions/ab');
});

test('integrity: no duplicate names or GUIDs, every GUID well-formed', () => {
  const names = new Set<string>();
  const lower = new Set<string>();
  const guids = new Set<string>();
  for (const r of BUILT_IN_ROLES) {
    assert.ok(isGuid(r.guid) && r.guid === r.guid.toLowerCase(), `bad GUID for ${r.name}: ${r.guid}`);
    assert.ok(!names.has(r.name), `duplicate name ${r.name}`);
    assert.ok(!lower.has(r.name.toLowerCase()), `names differing only by case: ${r.name}`);
    assert.ok(!guids.has(r.guid), `duplicate GUID ${r.guid}`);
    names.add(r.name);
    lower.add(r.name.toLowerCase());
    guids.add(r.guid);
  }
  // 498 rows were transcribed from built-in-roles.md @ 00a583295ba7; guard against a family being dropped.
  assert.ok(BUILT_IN_ROLES.length >= 498, `catalogue unexpectedly small: ${BUILT_IN_ROLES.length}`);
});

test('the §2.1 AKS table is complete and agrees with the catalogue (two independent transcriptions)', () => {
  assert.equal(AKS_ROLES.length, 30);
  for (const aks of AKS_ROLES) {
    const row = findRoleByName(aks.name);
    assert.ok(row, `${aks.name} missing from the catalogue`);
    assert.equal(row.guid, aks.guid, `GUID mismatch for ${aks.name}`);
    assert.equal(row.aks, aks);
    assert.ok(aks.grants.length > 0 && aks.aksUse.length > 0);
  }
  assert.equal(new Set(AKS_ROLES.map((r) => r.guid)).size, AKS_ROLES.length);
  assert.equal(findRoleByName('Key Vault Secrets User')?.guid, '4633458b-17de-408a-b874-0445c86b69e6'); // not the blog's 4633a12f-…
  assert.deepEqual(findRoleByName('Key Vault Certificate User')?.aks?.dataActions?.length, 4);
});

test('azurerm not-found error text', () => {
  assert.equal(roleNotFoundError('ArcPull'), 'listing role definitions: could not find role `ArcPull`');
});
