import { isMap, isPair, isScalar, isSeq } from 'yaml';

// The first difference between two yaml node trees in what the model reads: node kinds, scalar values and styles,
// keys, and the start and value end of every node. Used to hold the block reader to the yaml package's results.

export function yamlNodeDiff(a: unknown, b: unknown, path = '$'): string | undefined {
  const kind = (n: unknown): string => (isScalar(n) ? 'scalar' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : String(n));
  if (kind(a) !== kind(b)) return `${path}: ${kind(a)} vs ${kind(b)}`;
  if (!isScalar(a) && !isMap(a) && !isSeq(a)) return undefined;
  const rb = (b as typeof a).range;
  if (a.range?.[0] !== rb?.[0] || a.range?.[1] !== rb?.[1]) return `${path}: range ${a.range} vs ${rb}`;
  if (isScalar(a) && isScalar(b)) {
    const same = Object.is(a.value, b.value);
    if (!same) return `${path}: value ${JSON.stringify(a.value)} vs ${JSON.stringify(b.value)}`;
    return a.type === b.type ? undefined : `${path}: style ${a.type} vs ${b.type}`;
  }
  const ia = (a as { items: unknown[] }).items;
  const ib = (b as { items: unknown[] }).items;
  if (ia.length !== ib.length) return `${path}: ${ia.length} vs ${ib.length} items`;
  for (let i = 0; i < ia.length; i++) {
    const x = ia[i];
    const y = ib[i];
    const d = isPair(x) && isPair(y)
      ? (yamlNodeDiff(x.key, y.key, `${path}.<key ${i}>`) ?? yamlNodeDiff(x.value, y.value, `${path}.${String(isScalar(x.key) ? x.key.value : i)}`))
      : yamlNodeDiff(x, y, `${path}[${i}]`);
    if (d) return d;
  }
  return undefined;
}
