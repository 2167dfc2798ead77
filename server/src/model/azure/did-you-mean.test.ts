import { test } from 'node:test';
import assert from 'node:assert/strict';
import { damerauLevenshtein, KNOWN_ROLE_TYPOS, suggestRoleNames } from './did-you-mean';
import { findRoleByName } from './roles';

const names = (input: string, extraNames?: string[]) => suggestRoleNames(input, { extraNames }).map((s) => s.name);

test('damerauLevenshtein counts adjacent transpositions as one edit', () => {
  assert.equal(damerauLevenshtein('arcpull', 'acrpull'), 1);
  assert.equal(damerauLevenshtein('', 'abc'), 3);
  assert.equal(damerauLevenshtein('kitten', 'sitting'), 3);
  assert.equal(damerauLevenshtein('same', 'same'), 0);
});

test('ArcPull -> AcrPull, first and as a known typo', () => {
  const [first] = suggestRoleNames('ArcPull');
  assert.deepEqual(first, { name: 'AcrPull', distance: 1, reason: 'known-typo', custom: false });
});

test('the §2.1 near-miss list all map to the intended role', () => {
  const cases: [string, string][] = [
    ['AcrPul', 'AcrPull'], ['ACRPull', 'AcrPull'], ['acrpull', 'AcrPull'], ['Acr Pull', 'AcrPull'],
    ['Network contributer', 'Network Contributor'], ['Private DNS Zone Contributer', 'Private DNS Zone Contributor'],
    ['Managed Identity Operater', 'Managed Identity Operator'], ['Key Vault Secret User', 'Key Vault Secrets User'],
    ['Key Vault Certificates User', 'Key Vault Certificate User'], ['AKS RBAC Admin', 'Azure Kubernetes Service RBAC Admin'],
    ['Azure Kubernetes Service RBAC Cluster Admin Role', 'Azure Kubernetes Service RBAC Cluster Admin'],
  ];
  for (const [typo, want] of cases) assert.equal(names(typo)[0], want, typo);
  for (const target of Object.values(KNOWN_ROLE_TYPOS)) assert.ok(findRoleByName(target), `typo target ${target} is not a role`);
});

test('exact matches get no suggestion; case-only matches get exactly the canonical name', () => {
  assert.deepEqual(suggestRoleNames('Reader'), []);
  assert.deepEqual(suggestRoleNames('AcrPull'), []);
  assert.deepEqual(suggestRoleNames('reader'), [{ name: 'Reader', distance: 0, reason: 'case', custom: false }]);
});

test('custom role names compete and win when closest; an exact custom name gets no suggestion', () => {
  const extra = ['AKS Subnet Joiner'];
  const [first] = suggestRoleNames('AKS Subnet Joinr', { extraNames: extra });
  assert.equal(first?.name, 'AKS Subnet Joiner');
  assert.equal(first?.custom, true);
  assert.deepEqual(suggestRoleNames('AKS Subnet Joiner', { extraNames: extra }), []);
  assert.deepEqual(names('AKS Subnet Joinr'), []); // without the workspace name nothing is close
});

test('unrelated or too-short words get no suggestion', () => {
  for (const word of ['banana', 'Kubernetes', 'Foo', 'Own', '', '   ', 'totally unrelated words here']) assert.deepEqual(names(word), [], word);
});

test('limit and ordering: never more than asked, AKS roles first on ties', () => {
  assert.ok(suggestRoleNames('Storage Blob Data Readr', { limit: 1 }).length <= 1);
  assert.equal(names('Storage Blob Data Readr')[0], 'Storage Blob Data Reader');
});
