import { bytesEqual, requireHash } from './bytes';
import { chainBorderRight, chainInner, chainInnerRight, decomposeInclusionProof } from './chain';
import { defaultHasher, type MerkleHasher } from './hasher';
import { toUint64, trailingZeros, type LogSize } from './uint64';
import { MerkleVerificationError } from './verification-error';

/**
 * The root the tree of `size2` must have if `proof` shows it extends the tree of `size1` with
 * `root1` (RFC 9162 §2.1.4.2). Both roots are recomputed from the same proof hashes, so no
 * proof hash can go unchecked (the flaw behind GHSA-672p-m5jq-mrh8).
 */
export function rootFromConsistencyProof(
  size1: LogSize,
  size2: LogSize,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  hasher: MerkleHasher = defaultHasher,
): Uint8Array {
  const older = toUint64(size1, 'size1');
  const newer = toUint64(size2, 'size2');
  if (newer < older) {
    throw new MerkleVerificationError('size-decreased', `size2 ${newer} < size1 ${older}`);
  }
  // The official vectors reject size1 = 0 even when size2 = 0 and the roots match: an empty
  // head commits to nothing, so there is nothing to prove consistency with.
  if (older === 0n) {
    throw new MerkleVerificationError(
      'empty-tree',
      'consistency from an empty tree is meaningless',
    );
  }
  if (older === newer) {
    if (proof.length > 0) {
      throw new MerkleVerificationError('unexpected-proof', 'size1 = size2 but proof is not empty');
    }
    // Only equality is checked here, not length: the official vector "sizes are equal (one) and
    // proof is empty" must pass with 12-byte roots, as in the reference verifier.
    return root1;
  }
  if (proof.length === 0) {
    throw new MerkleVerificationError('empty-proof', 'size1 < size2 but proof is empty');
  }
  requireHash(root1, 'root1');

  const [fullInner, border] = decomposeInclusionProof(older - 1n, newer);
  const shift = trailingZeros(older);
  const inner = fullInner - shift; // shift < fullInner whenever size1 < size2
  // The proof opens with the largest perfect subtree ending at size1 (2^shift leaves), except
  // when that subtree is the whole old tree: then it is root1 itself and left out.
  const seedIsRoot1 = older === 1n << BigInt(shift);
  const start = seedIsRoot1 ? 0 : 1;
  if (proof.length !== start + inner + border) {
    throw new MerkleVerificationError(
      'wrong-proof-length',
      `consistency proof has ${proof.length} hashes, want ${start + inner + border}`,
    );
  }
  proof.forEach((hash, i) => requireHash(hash, `proof[${i}]`));
  const seed = seedIsRoot1 ? root1 : proof[0];
  const innerPath = proof.slice(start, start + inner);
  const borderPath = proof.slice(start + inner);
  const mask = (older - 1n) >> BigInt(shift);

  const hash1 = chainBorderRight(
    hasher,
    chainInnerRight(hasher, seed, innerPath, mask),
    borderPath,
  );
  if (!bytesEqual(hash1, root1)) {
    throw new MerkleVerificationError('root-mismatch', 'consistency proof does not lead to root1');
  }
  return chainBorderRight(hasher, chainInner(hasher, seed, innerPath, mask), borderPath);
}

/** Throws unless `proof` shows the tree of `size2` with `root2` extends the one of `size1`. */
export function verifyConsistency(
  size1: LogSize,
  size2: LogSize,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hasher: MerkleHasher = defaultHasher,
): void {
  const calculated = rootFromConsistencyProof(size1, size2, proof, root1, hasher);
  if (!bytesEqual(calculated, root2)) {
    throw new MerkleVerificationError('root-mismatch', 'consistency proof does not lead to root2');
  }
}
