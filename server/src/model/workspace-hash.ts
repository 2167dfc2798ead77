// Content hashes for memoisation. Pure JS (cyrb53) so the model stays free of node: modules; 53 bits make an
// accidental collision between two versions of one workspace negligible.

/** cyrb53 over a stream of UTF-16 code units whose total length is known up front. */
class Cyrb53 {
  private h1: number;
  private h2: number;

  constructor(length: number) {
    this.h1 = 0xdeadbeef ^ length;
    this.h2 = 0x41c6ce57 ^ length;
  }

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** two unsigned 32-bit lanes */
  finish(): [number, number] {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return [h1 >>> 0, h2 >>> 0];
  }
}

function toText([h1, h2]: [number, number]): string {
  return (4294967296 * (2097151 & h2) + h1).toString(36);
}

/** Hash of a text, as a short base-36 string. */
export function contentHash(text: string): string {
  const h = new Cyrb53(text.length);
  h.add(text);
  return toText(h.finish());
}

/**
 * Hash of an ordered list of parts (paths and hashes), unambiguous because parts are length-prefixed: the
 * contentHash of the parts written as `${length}:${part}` one after another, computed without building that text.
 */
export function combineHashes(parts: readonly string[]): string {
  let length = 0;
  for (const p of parts) length += String(p.length).length + 1 + p.length;
  const h = new Cyrb53(length);
  for (const p of parts) {
    h.add(`${p.length}:`);
    h.add(p);
  }
  return toText(h.finish());
}

// Group hashes (all Terraform files, all YAML, a module component) are recomputed for every snapshot. As an
// order-independent sum of per-file contributions, cached per file version, that is a few additions per file
// instead of re-hashing every path: cheap enough to redo after each keystroke on a 2,500-file workspace.
const contributions = new WeakMap<object, readonly [number, number]>();

/** A file's part of a group hash: two 32-bit lanes of the hash of its path and content hash. */
export function fileContribution(file: { readonly path: string; readonly hash: string }): readonly [number, number] {
  let c = contributions.get(file);
  if (!c) contributions.set(file, (c = lanes(`${file.path.length}:${file.path}${file.hash}`)));
  return c;
}

/** Sum of contributions (mod 2^32 per lane) as a short string; `extra` text (the configuration) joins the sum. */
export function sumHash(parts: Iterable<readonly [number, number]>, extra?: string): string {
  let lo = 0;
  let hi = 0;
  for (const [a, b] of parts) {
    lo = (lo + a) >>> 0;
    hi = (hi + b) >>> 0;
  }
  if (extra !== undefined) {
    const [a, b] = lanes(extra);
    lo = (lo + a) >>> 0;
    hi = (hi + b) >>> 0;
  }
  return `${hi.toString(36)}.${lo.toString(36)}`;
}

function lanes(text: string): [number, number] {
  const h = new Cyrb53(text.length);
  h.add(text);
  return h.finish();
}
