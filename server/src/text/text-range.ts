/** Half-open range [start, end) of UTF-16 code-unit offsets, as JS strings and LSP count them. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function range(start: number, end: number): TextRange {
  return { start, end };
}

export function contains(outer: TextRange, inner: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function containsOffset(r: TextRange, offset: number): boolean {
  return r.start <= offset && offset < r.end;
}

/** True when the ranges share at least one offset, or when an empty range sits inside the other. */
export function intersects(a: TextRange, b: TextRange): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

export function cover(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
