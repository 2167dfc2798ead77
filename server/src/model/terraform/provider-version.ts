// azurerm major version detection (aks-rules.md 1.4): a lock-file version decides; otherwise a required_providers
// constraint decides only when it admits exactly one major version.

export function majorOfVersion(version: string | undefined): number | undefined {
  const m = /^\s*v?(\d+)(?:\.\d+)*(?:[-+].*)?\s*$/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

interface Bounds {
  min: number;
  max: number;
}

/** The one major version a constraint such as `~> 4.0`, `>= 3.0, < 4.0`, `= 3.117.1` admits; undefined otherwise. */
export function majorOfConstraint(constraint: string | undefined): number | undefined {
  if (!constraint || !constraint.trim()) return undefined;
  const b: Bounds = { min: 0, max: Infinity };
  for (const part of constraint.split(',')) {
    const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]*)?\s*$/.exec(part);
    if (!m) return undefined;
    const [major, minor, patch] = [Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), m[4] === undefined ? undefined : Number(m[4])];
    if (!narrow(b, m[1] ?? '=', major, minor ?? 0, patch ?? 0)) return undefined;
  }
  return b.min === b.max ? b.min : undefined;
}

function narrow(b: Bounds, op: string, major: number, minor: number, patch: number): boolean {
  const isZero = minor === 0 && patch === 0;
  switch (op) {
    case '=':
    case '~>':
      b.min = Math.max(b.min, major);
      b.max = Math.min(b.max, major);
      return true;
    case '>=':
      b.min = Math.max(b.min, major);
      return true;
    case '>':
      b.min = Math.max(b.min, major);
      return true;
    case '<':
      // `< 4.0.0` excludes every 4.x; `< 4.1` still admits 4.0.x
      b.max = Math.min(b.max, isZero ? major - 1 : major);
      return true;
    case '<=':
      b.max = Math.min(b.max, major);
      return true;
    default:
      return true; // `!=` excludes one version, never a whole major
  }
}

/** True for `hashicorp/azurerm` and `registry.terraform.io/hashicorp/azurerm` (any host). */
export function isAzurermSource(source: string | undefined): boolean {
  return source !== undefined && /(^|\/)hashicorp\/azurerm$/i.test(source.trim());
}
