/**
 * Integer helpers on plain numbers. They use arithmetic rather than bitwise operators, which
 * would truncate to 32 bits; log sizes stay below 2^53, where this arithmetic is exact.
 */

/** The largest power of two strictly below n, for n >= 2 (RFC 9162's split point k). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2(n) if n is a power of two, otherwise undefined. */
export function exactLog2(n: number): number | undefined {
  let level = 0;
  let width = 1;
  while (width < n) {
    width *= 2;
    level += 1;
  }
  return width === n ? level : undefined;
}

export const isLogSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
