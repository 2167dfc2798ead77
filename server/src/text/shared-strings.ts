// Names repeat across a workspace: YAML keys (apiVersion, metadata, name, labels...) in every manifest, HCL
// identifiers (var, name, resource_group_name...) in every block. Trees that keep one copy of each keep only what is
// distinct, and the parse allocates nothing that survives for a name already seen (the slice it looks up with dies
// young). Bounded, so arbitrary input cannot grow the table forever; long strings are rarely repeated names.

const MAX_SHARED = 40;
const MAX_TABLE = 50_000;
let table = new Map<string, string>();

/** The one copy of `s` the parsers keep (`s` itself the first time it is seen). */
export function shared(s: string): string {
  if (s.length > MAX_SHARED) return s;
  const hit = table.get(s);
  if (hit !== undefined) return hit;
  if (table.size >= MAX_TABLE) table = new Map();
  table.set(s, s);
  return s;
}
