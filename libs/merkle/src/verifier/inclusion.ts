import { bytesEqual, requireHash } from './bytes';
import { chainBorderRight, chainInner, decomposeInclusionProof } from './chain';
import { defaultHasher, type MerkleHasher } from './hasher';
import { toUint64, type LogSize } from './uint64';
import { MerkleVerificationError } from './verification-error';

/**
 * The root a tree of `treeSize` must have if `proof` shows `leafHash` at `index`
 * (RFC 9162 §2.1.3.2). Throws MerkleVerificationError when the inputs cannot form a proof.
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: LogSize,
  treeSize: LogSize,
  proof: readonly Uint8Array[],
  hasher: MerkleHasher = defaultHasher,
): Uint8Array {
  const leafIndex = toUint64(index, 'index');
  const size = toUint64(treeSize, 'treeSize');
  if (leafIndex >= size) {
    throw new MerkleVerificationError(
      'index-out-of-range',
      `index ${leafIndex} is beyond tree size ${size}`,
    );
  }
  requireHash(leafHash, 'leaf hash');
  const [inner, border] = decomposeInclusionProof(leafIndex, size);
  if (proof.length !== inner + border) {
    throw new MerkleVerificationError(
      'wrong-proof-length',
      `inclusion proof has ${proof.length} hashes, want ${inner + border}`,
    );
  }
  proof.forEach((hash, i) => requireHash(hash, `proof[${i}]`));
  const below = chainInner(hasher, leafHash, proof.slice(0, inner), leafIndex);
  return chainBorderRight(hasher, below, proof.slice(inner));
}

/**
 * Throws unless `proof` shows `leafHash` at `index` in the tree of `treeSize` with `root`.
 * The size is only bound through the root (a proof for leaf 0 of 3 also fits size 4 with the
 * same root), so take both from one verified signed tree head, never from separate sources.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: LogSize,
  treeSize: LogSize,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hasher: MerkleHasher = defaultHasher,
): void {
  requireHash(root, 'root');
  const calculated = rootFromInclusionProof(leafHash, index, treeSize, proof, hasher);
  if (!bytesEqual(calculated, root)) {
    throw new MerkleVerificationError('root-mismatch', 'inclusion proof does not lead to the root');
  }
}
