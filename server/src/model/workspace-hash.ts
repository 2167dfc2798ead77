// Content hashes for memoisation. Pure JS (cyrb53) so the model stays free of node: modules; 53 bits make an
// accidental collision between two versions of one workspace negligible.

/** Hash of a text, as a short base-36 string. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Hash of an ordered list of parts (paths and hashes), unambiguous because parts are length-prefixed: the
 * contentHash of the parts written as `${length}:${part}` one after another, computed without building that text.
 */
export function combineHashes(parts: readonly string[]): string {
  let length = 0;
  for (const p of parts) length += String(p.length).length + 1 + p.length;
  let h1 = 0xdeadbeef ^ length;
  let h2 = 0x41c6ce57 ^ length;
  const mix = (c: number): void => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  for (const p of parts) {
    const prefix = String(p.length);
    for (let i = 0; i < prefix.length; i++) mix(prefix.charCodeAt(i));
    mix(58); // ':'
    for (let i = 0; i < p.length; i++) mix(p.charCodeAt(i));
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
