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

/** The textbook full-matrix form of the same distance, as the oracle for the rolling-row implementation. */
function matrixDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('damerauLevenshtein equals the full-matrix distance on random strings, short and long, in both orders', () => {
  let seed = 7; // a fixed linear congruential sequence: the same strings every run
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = (max: number): string => Array.from({ length: Math.floor(random() * max) }, () => 'abcd'[Math.floor(random() * 4)]).join('');
  for (let k = 0; k < 600; k++) {
    const a = word(k < 500 ? 9 : 90);
    const b = word(k < 500 ? 9 : 90);
    assert.equal(damerauLevenshtein(a, b), matrixDistance(a, b), `${a} / ${b}`);
    assert.equal(damerauLevenshtein(b, a), matrixDistance(b, a), `${b} / ${a}`);
  }
});
