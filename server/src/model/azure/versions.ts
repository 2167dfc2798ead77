// azurerm provider-version detection data and helpers (aks-rules.md §1.4): read the lock file first, then
// required_providers. Pure: callers hand in the strings they found.

/** Provider address in `.terraform.lock.hcl`. */
export const AZURERM_LOCK_ADDRESS = 'registry.terraform.io/hashicorp/azurerm';
/** `required_providers` key and source. */
export const AZURERM_PROVIDER_KEY = 'azurerm';
export const AZURERM_SOURCE = 'hashicorp/azurerm';

/** Releases the knowledge base read (§1.1). */
export const AZURERM_SNAPSHOT_VERSIONS = {
  last3x: '3.117.1',
  first4x: '4.0.0',
  last4x: '4.81.0',
  first5x: '5.0.0',
  latest: '5.2.0',
} as const;

/** When the major version is unknown, accept both spellings and emit only info-level "renamed in v4" hints. */
export const UNKNOWN_VERSION_POLICY = 'accept-both-info-only' as const;

export type Version = readonly [major: number, minor: number, patch: number];

/** "4.57.0", "v4.57", "4" -> [4,57,0]; undefined for anything else (pre-release suffixes are ignored). */
export function parseVersion(text: string): Version | undefined {
  const m = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]*)?\s*$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

export function compareVersions(a: string, b: string): number | undefined {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/** Major version from an exact lock-file version ("4.57.0" -> 4). */
export function majorFromLockVersion(version: string): number | undefined {
  return parseVersion(version)?.[0];
}

/**
 * Major version a `required_providers` constraint pins, when it pins exactly one: "~> 4.0", "~>4.57.0", "= 4.1.0",
 * "4.1.0", ">= 4.0, < 5.0". Undefined for open or multi-major ranges (">= 3.0"; "~> 4", whose right-most
 * component is the major, so any later major is allowed).
 */
export function majorFromConstraint(constraint: string): number | undefined {
  const parts = constraint.split(',').map((p) => p.trim()).filter(Boolean);
  let lower: Version | undefined;
  let upperExclusiveMajor: number | undefined;
  for (const part of parts) {
    const m = /^(~>|>=|>|<=|<|=|!=)?\s*(\S+)$/.exec(part);
    const op = m?.[1] ?? '=';
    const v = m ? parseVersion(m[2]) : undefined;
    if (!m || !v) return undefined;
    const segments = m[2].replace(/^v/, '').split('.').length;
    if (op === '=') return v[0];
    if (op === '~>') {
      if (segments < 2) return undefined;
      return v[0];
    }
    if (op === '>=' || op === '>') lower = v;
    if (op === '<') upperExclusiveMajor = v[1] === 0 && v[2] === 0 ? v[0] - 1 : v[0];
    if (op === '<=') upperExclusiveMajor = v[0];
  }
  if (lower && upperExclusiveMajor !== undefined && lower[0] === upperExclusiveMajor) return lower[0];
  return undefined;
}
