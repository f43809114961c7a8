import { type MerkleLog, toBase64 } from '@cohesion/merkle';
import type { MerkleLeafView } from '@cohesion/projections';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  TreeHeadDocument,
} from './documents';

/**
 * The proof documents, from the Merkle log. Plain functions of their inputs: the service decides
 * which sizes and heads, these only assemble what the verifier needs. MerkleLogError propagates
 * for sizes the log cannot answer.
 */
export function inclusionProofDocument(
  log: MerkleLog,
  leaf: MerkleLeafView,
  treeSize: number,
  treeHead: TreeHeadDocument | undefined,
): InclusionProofDocument {
  return {
    eventId: leaf.eventId,
    stream: leaf.stream,
    revision: leaf.revision,
    position: leaf.position,
    eventHash: leaf.eventHash,
    leafIndex: leaf.leafIndex,
    treeSize,
    proof: log.inclusionProof(leaf.leafIndex, treeSize).map(toBase64),
    treeHead: treeHead ?? null,
  };
}

export function consistencyProofDocument(
  log: MerkleLog,
  oldSize: number,
  newSize: number,
  heads: { old?: TreeHeadDocument; new?: TreeHeadDocument },
): ConsistencyProofDocument {
  // From the empty tree there is nothing to prove (the verifier refuses size 0): an empty proof.
  const proof = oldSize === 0 ? [] : log.consistencyProof(oldSize, newSize).map(toBase64);
  return {
    oldSize,
    newSize,
    proof,
    oldTreeHead: heads.old ?? null,
    newTreeHead: heads.new ?? null,
  };
}
