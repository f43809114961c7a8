import type { MerkleHasher } from './hasher';
import { bitAt, bitLength, onesCount } from './uint64';

/**
 * Proof chaining from transparency-dev/merkle's reference verifier (proof/verify.go).
 * Proof hashes run from the leaf level upwards.
 */

/**
 * Splits an inclusion proof for `index` in a tree of `size` where the paths to `index` and to
 * `size - 1` diverge: `inner` hashes below that point, `border` hashes along the right border.
 */
export function decomposeInclusionProof(index: bigint, size: bigint): [number, number] {
  const inner = bitLength(index ^ (size - 1n));
  const border = onesCount(index >> BigInt(inner));
  return [inner, border];
}

/** Chains a node on or below the right border; `index` is the seed's index on its level. */
export function chainInner(
  hasher: MerkleHasher,
  seed: Uint8Array,
  proof: readonly Uint8Array[],
  index: bigint,
): Uint8Array {
  return proof.reduce(
    (hash, sibling, level) =>
      bitAt(index, level) ? hasher.hashChildren(sibling, hash) : hasher.hashChildren(hash, sibling),
    seed,
  );
}

/**
 * Like chainInner but uses only the left siblings: that yields the same subtree as it was
 * before the right siblings existed, i.e. its hash in the older tree.
 */
export function chainInnerRight(
  hasher: MerkleHasher,
  seed: Uint8Array,
  proof: readonly Uint8Array[],
  index: bigint,
): Uint8Array {
  return proof.reduce(
    (hash, sibling, level) => (bitAt(index, level) ? hasher.hashChildren(sibling, hash) : hash),
    seed,
  );
}

/** Along the right border every proof hash is a left sibling. */
export function chainBorderRight(
  hasher: MerkleHasher,
  seed: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array {
  return proof.reduce((hash, sibling) => hasher.hashChildren(sibling, hash), seed);
}
