import {
  type Ed25519PublicKey,
  fromBase64,
  leafHash,
  verifyConsistency,
  verifyInclusion,
  verifySignedTreeHead,
  type VerifiedTreeHead,
} from '@cohesion/merkle/verifier';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  TreeHeadDocument,
} from '@cohesion/application';

/**
 * What a partner's script does with the API's answers, using only the dependency-free verifier:
 * the size and root always come from a signed tree head it verified, never from the proof.
 */
export function verifiedHead(head: TreeHeadDocument, publicKey: Ed25519PublicKey) {
  return verifySignedTreeHead(head, publicKey);
}

const hashes = (proof: readonly string[]): Uint8Array[] =>
  proof.map((hash) => fromBase64(hash) ?? new Uint8Array());

export function checkInclusion(proof: InclusionProofDocument, head: VerifiedTreeHead): void {
  if (proof.treeSize !== head.treeSize) throw new Error('proof and head differ in size');
  const leaf = leafHash(Uint8Array.from(Buffer.from(proof.eventHash, 'hex')));
  verifyInclusion(leaf, proof.leafIndex, head.treeSize, hashes(proof.proof), head.rootHash);
}

export function checkConsistency(
  proof: ConsistencyProofDocument,
  older: VerifiedTreeHead,
  newer: VerifiedTreeHead,
): void {
  verifyConsistency(
    older.treeSize,
    newer.treeSize,
    hashes(proof.proof),
    older.rootHash,
    newer.rootHash,
  );
}
