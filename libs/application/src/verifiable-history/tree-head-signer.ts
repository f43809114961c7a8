import { sign } from 'node:crypto';
import type { SigningKey } from '@cohesion/access-tokens';
import {
  fromBase64,
  MerkleVerificationError,
  toBase64,
  treeHeadSigningInput,
  verifyConsistency,
  type MerkleLog,
  type TreeHead,
} from '@cohesion/merkle';
import type { TreeHeadDocument } from './documents';
import type { SignedTreeHeadStore } from './signed-tree-head-store';

/** The log no longer extends a head the ledger signed: its history was rewritten or damaged. */
export class TreeHeadInconsistentError extends Error {
  override readonly name = 'TreeHeadInconsistentError';
}

/**
 * Signs tree heads (checkpoints) of the Merkle log on demand. Before signing, the log is proved
 * consistent with the latest signed head, by the same verifier partners use: a ledger whose
 * history changed refuses to vouch for it, and each head extends all earlier ones (consistency is
 * transitive). The latest head is reused while the log has not grown.
 */
export class TreeHeadSigner {
  constructor(
    private readonly log: MerkleLog,
    private readonly heads: SignedTreeHeadStore,
    private readonly key: SigningKey,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The signed head of the log as it stands now. Throws TreeHeadInconsistentError. */
  current(): TreeHeadDocument {
    return this.heads.signNext((latest) => {
      const size = this.log.size();
      // The Merkle read model is being rebuilt: what was signed still stands, until it catches up.
      if (latest && size < latest.treeSize) return { head: latest, isNew: false };
      const root = this.log.root(size);
      if (latest) this.assertExtends(latest, size, root);
      if (latest?.treeSize === size) return { head: latest, isNew: false };
      return { head: this.sign(size, root, latest), isNew: true };
    });
  }

  private assertExtends(latest: TreeHeadDocument, size: number, root: Uint8Array): void {
    // An empty tree commits to nothing: everything extends it (and the verifier refuses size 0).
    if (latest.treeSize === 0) return;
    const oldRoot = fromBase64(latest.rootHash) ?? new Uint8Array();
    try {
      const proof = this.log.consistencyProof(latest.treeSize, size);
      verifyConsistency(latest.treeSize, size, proof, oldRoot, root);
    } catch (error) {
      if (!(error instanceof MerkleVerificationError)) throw error;
      throw new TreeHeadInconsistentError(
        `The log of ${size} events does not extend the tree head signed at ${latest.timestamp} ` +
          `(size ${latest.treeSize}): its history was changed, so no new tree head is signed`,
      );
    }
  }

  private sign(size: number, root: Uint8Array, latest?: TreeHeadDocument): TreeHeadDocument {
    const now = this.clock().toISOString();
    // Timestamps never go backwards, even if the clock does: heads read in order of time.
    const timestamp = latest && latest.timestamp > now ? latest.timestamp : now;
    const head: TreeHead = { treeSize: size, rootHash: toBase64(root), timestamp };
    const signature = sign(null, treeHeadSigningInput(head), this.key.privateKey);
    return { ...head, signature: signature.toString('base64'), keyId: this.key.kid };
  }
}
