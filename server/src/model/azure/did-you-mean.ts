// "Did you mean" for role_definition_name (AKS-RA-001): known typos from aks-rules.md §2.1, case-only matches,
// token-level matches (abbreviation "AKS", singular/plural, a stray "Role" suffix) and Damerau-Levenshtein (OSA) distance.
import { AKS_ROLES, BUILT_IN_ROLES } from './roles';

export type SuggestionReason = 'case' | 'known-typo' | 'tokens' | 'edit';

export interface RoleSuggestion {
  readonly name: string;
  /** Edit distance between the normalised input and the name (0 for case-only). */
  readonly distance: number;
  readonly reason: SuggestionReason;
  /** True when the name came from `extraNames` (e.g. a workspace azurerm_role_definition). */
  readonly custom: boolean;
}

export interface SuggestOptions {
  /** Custom role names from the workspace; they compete with the built-in names. */
  readonly extraNames?: readonly string[];
  /** Maximum suggestions returned (default 3). */
  readonly limit?: number;
}

/** Near-misses listed in §2.1, keyed by `squash()` of the typo. */
export const KNOWN_ROLE_TYPOS: Readonly<Record<string, string>> = {
  arcpull: 'AcrPull',
  acrpul: 'AcrPull',
  networkcontributer: 'Network Contributor',
  privatednszonecontributer: 'Private DNS Zone Contributor',
  managedidentityoperater: 'Managed Identity Operator',
  keyvaultsecretuser: 'Key Vault Secrets User',
  keyvaultcertificatesuser: 'Key Vault Certificate User',
  aksrbacadmin: 'Azure Kubernetes Service RBAC Admin',
  azurekubernetesservicerbacclusteradminrole: 'Azure Kubernetes Service RBAC Cluster Admin',
};

// Three rolling rows, reused across calls: the distance runs for every role name near in length to each unknown name,
// and a full matrix of arrays per call made that the costliest part of the rule on a cold run.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), over UTF-16 code units. */
export function damerauLevenshtein(a: string, b: string): number {
  const n = b.length;
  if (a.length === 0 || n === 0) return a.length + n;
  if (rowA.length <= n) [rowA, rowB, rowC] = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let twoBack = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) v = Math.min(v, twoBack[j - 2] + 1);
      cur[j] = v;
    }
    const spare = twoBack;
    twoBack = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n];
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const loose = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Token key: lower case, "aks" expanded, plural "s" dropped, a trailing "role" ignored. */
function tokenKey(s: string): string {
  const tokens = s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((t) => (t === 'aks' ? ['azure', 'kubernetes', 'service'] : [t]))
    .map((t) => (t.length > 3 && t.endsWith('s') ? t.slice(0, -1) : t));
  if (tokens.length > 1 && tokens[tokens.length - 1] === 'role') tokens.pop();
  return tokens.join(' ');
}

/** Edits allowed for an input of this length: short strings get fewer so "Own" never becomes "Owner". */
function maxDistance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  return 2;
}

interface Candidate {
  readonly name: string;
  readonly loose: string;
  readonly squashed: string;
  readonly tokens: string;
  readonly custom: boolean;
  readonly aks: boolean;
}

function candidate(name: string, custom: boolean, aks: boolean): Candidate {
  return { name, loose: loose(name), squashed: squash(name), tokens: tokenKey(name), custom, aks };
}

const AKS_NAMES = new Set(AKS_ROLES.map((r) => r.name));
// Built once: suggestions run per keystroke in the editor.
const BUILT_IN_CANDIDATES: readonly Candidate[] = BUILT_IN_ROLES.map((r) => candidate(r.name, false, AKS_NAMES.has(r.name)));

const REASON_RANK: Record<SuggestionReason, number> = { case: 0, 'known-typo': 1, tokens: 2, edit: 3 };

/**
 * Suggestions for a role name that is not an exact match. Returns [] for an exact match (built-in or extra) and for
 * input too far from every name. A case-only match is returned alone, since it is certainly the intended role.
 */
export function suggestRoleNames(input: string, options: SuggestOptions = {}): RoleSuggestion[] {
  const limit = options.limit ?? 3;
  const text = loose(input);
  if (!text) return [];
  const extra = (options.extraNames ?? []).filter((n) => n.trim()).map((n) => candidate(n, true, false));
  const all = [...BUILT_IN_CANDIDATES, ...extra];
  if (all.some((c) => c.name === input)) return [];
  const caseHit = all.find((c) => c.loose === text);
  if (caseHit) return [{ name: caseHit.name, distance: 0, reason: 'case', custom: caseHit.custom }];

  const typo = KNOWN_ROLE_TYPOS[squash(input)];
  const key = tokenKey(input);
  const allowed = maxDistance(text.length);
  const found: (RoleSuggestion & { aks: boolean })[] = [];
  const squashed = squash(input);
  for (const c of all) {
    let reason: SuggestionReason | undefined;
    if (typo === c.name) reason = 'known-typo';
    else if (key.length > 0 && c.tokens === key) reason = 'tokens';
    else if (c.squashed === squashed) reason = 'tokens';
    else if (Math.abs(c.loose.length - text.length) <= allowed && damerauLevenshtein(text, c.loose) <= allowed) reason = 'edit';
    if (reason) found.push({ name: c.name, distance: damerauLevenshtein(text, c.loose), reason, custom: c.custom, aks: c.aks });
  }
  found.sort(
    (x, y) =>
      REASON_RANK[x.reason] - REASON_RANK[y.reason] ||
      x.distance - y.distance ||
      Number(y.aks) - Number(x.aks) ||
      x.name.localeCompare(y.name),
  );
  return found.slice(0, limit).map(({ name, distance, reason, custom }) => ({ name, distance, reason, custom }));
}
