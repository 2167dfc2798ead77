import type { YNode } from './yaml-tree';

// The first difference between two YAML trees: node kinds, scalar values and styles, keys, and every node's start
// and value end. Holds the block reader to what the yaml package composes (converted with fromComposed).

export function yamlNodeDiff(a: YNode | null | undefined, b: YNode | null | undefined, path = '$'): string | undefined {
  if (!a || !b) return a === b || (!a && !b) ? undefined : `${path}: ${a?.kind ?? 'none'} vs ${b?.kind ?? 'none'}`;
  if (a.kind !== b.kind) return `${path}: ${a.kind} vs ${b.kind}`;
  if (a.start !== b.start || a.end !== b.end) return `${path}: range ${a.start}-${a.end} vs ${b.start}-${b.end}`;
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (!Object.is(a.value, b.value)) return `${path}: value ${JSON.stringify(a.value)} vs ${JSON.stringify(b.value)}`;
    return a.style === b.style ? undefined : `${path}: style ${a.style} vs ${b.style}`;
  }
  if (a.kind === 'alias' && b.kind === 'alias') return yamlNodeDiff(a.target, b.target, `${path}*`);
  const ia = a.kind === 'map' ? a.entries : a.kind === 'seq' ? a.items : [];
  const ib = b.kind === 'map' ? b.entries : b.kind === 'seq' ? b.items : [];
  if (ia.length !== ib.length) return `${path}: ${ia.length} vs ${ib.length} items`;
  for (let i = 0; i < ia.length; i++) {
    const key = a.kind === 'map' ? ia[i - (i % 2)] : undefined;
    const label = a.kind === 'map' ? (i % 2 === 0 ? `<key ${i / 2}>` : key?.kind === 'scalar' ? String(key.value) : `#${i}`) : `[${i}]`;
    const d = yamlNodeDiff(ia[i], ib[i], `${path}.${label}`);
    if (d) return d;
  }
  return undefined;
}
