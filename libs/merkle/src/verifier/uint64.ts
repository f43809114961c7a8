import { MerkleVerificationError } from './verification-error';

/**
 * Tree sizes and indices are uint64 in RFC 9162. Callers may pass a number (safe integers
 * only) or a bigint; the arithmetic is done on bigint because JavaScript's bitwise operators
 * truncate to 32 bits, which would silently corrupt large indices.
 */
export type LogSize = number | bigint;

const UINT64_LIMIT = 1n << 64n;

export function toUint64(value: LogSize, name: string): bigint {
  const valid =
    typeof value === 'bigint'
      ? value >= 0n && value < UINT64_LIMIT
      : Number.isSafeInteger(value) && value >= 0;
  if (!valid) {
    throw new MerkleVerificationError('invalid-size', `${name} must be a uint64, got ${value}`);
  }
  return BigInt(value);
}

export const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

export const onesCount = (x: bigint): number => x.toString(2).replace(/0/g, '').length;

/** Only called with x > 0. */
export function trailingZeros(x: bigint): number {
  let count = 0;
  while (((x >> BigInt(count)) & 1n) === 0n) count++;
  return count;
}

export const bitAt = (x: bigint, position: number): boolean =>
  ((x >> BigInt(position)) & 1n) === 1n;
