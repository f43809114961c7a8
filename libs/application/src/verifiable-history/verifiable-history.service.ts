import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { SigningKey } from '@cohesion/access-tokens';
import { type MerkleLog, MerkleLogError, TREE_HEAD_FORMAT } from '@cohesion/merkle';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import {
  type MerkleLeaf,
  merkleLeafAt,
  merkleLeafOfEvent,
  merkleLeafViewOf,
  merkleLogOf,
  type MerkleLeafView,
} from '@cohesion/projections';
import { StreamAccess } from '../streams/stream-access';
import type { Principal } from '../access/principal';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  PublicKeyDocument,
  TreeHeadDocument,
} from './documents';
import { consistencyProofDocument, inclusionProofDocument } from './proof-documents';
import { SignedTreeHeadStore } from './signed-tree-head-store';
import { TreeHeadInconsistentError, TreeHeadSigner } from './tree-head-signer';
import { ApplicationError, concealing, invalidRequest, notFound } from '../errors';

/** Injection token of the tree-head signing key. */
export const TREE_HEAD_KEY = Symbol('TREE_HEAD_KEY');

/** Tree heads and proofs, with the log's refusals turned into HTTP answers. */
@Injectable()
export class VerifiableHistoryService {
  private readonly log: MerkleLog;

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly signer: TreeHeadSigner,
    private readonly heads: SignedTreeHeadStore,
    @Inject(TREE_HEAD_KEY) private readonly key: SigningKey,
    private readonly access: StreamAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.log = merkleLogOf(db);
  }

  /** The latest signed head (signed now if the log grew), or the one signed at `treeSize`. */
  treeHead(treeSize?: number): TreeHeadDocument {
    if (treeSize === undefined) return this.currentHead();
    const head = this.heads.atSize(treeSize);
    if (!head) throw notFound(`No tree head was signed at size ${treeSize}`);
    return head;
  }

  publicKey(): PublicKeyDocument {
    const { x } = this.key.publicKey.export({ format: 'jwk' });
    return {
      algorithm: 'Ed25519',
      keyId: this.key.kid,
      pem: this.key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      jwk: { kty: 'OKP', crv: 'Ed25519', x: x ?? '', kid: this.key.kid },
      signingInput: `UTF-8 of "${TREE_HEAD_FORMAT}\\n<treeSize>\\n<rootHash>\\n<timestamp>"`,
    };
  }

  /**
   * The leaf of an event named by id or by index, if the viewer may read the event's stream: an
   * event it may not read is answered exactly as one that does not exist.
   */
  async leaf(
    by: { eventId?: string; leafIndex?: number },
    viewer: Principal,
  ): Promise<MerkleLeafView> {
    const { eventId, leafIndex } = by;
    if ((eventId === undefined) === (leafIndex === undefined)) {
      throw invalidRequest('Name the event by exactly one of eventId or leafIndex');
    }
    let found: MerkleLeaf | undefined;
    if (eventId !== undefined) found = merkleLeafOfEvent(this.db, eventId);
    if (leafIndex !== undefined) found = merkleLeafAt(this.db, leafIndex);
    const unknown = () =>
      notFound(
        eventId !== undefined
          ? `No event ${eventId} in the Merkle log`
          : `No leaf ${leafIndex} in the Merkle log`,
      );
    if (!found) throw unknown();
    const leaf = await this.withItsEvent(found);
    // A leaf found by id is that event's, unless the read model and the log disagree.
    if (eventId !== undefined && leaf.eventId !== eventId) throw unknown();
    const access = await this.access.accessTo(viewer, leaf.stream);
    if (access === 'hidden') throw concealing(unknown());
    if (access === 'absent') throw unknown();
    return leaf;
  }

  /** The leaf with its event's id, stream, revision and hash, read from the log at its position. */
  private async withItsEvent(leaf: MerkleLeaf): Promise<MerkleLeafView> {
    const [event] = await this.store.readAt([BigInt(leaf.position)]);
    if (!event) {
      // The projection only ever makes a leaf of an event the log handed it.
      throw new Error(`Leaf ${leaf.leafIndex} is at position ${leaf.position}: no event there`);
    }
    return merkleLeafViewOf(leaf, event);
  }

  /** At `treeSize`, or at the latest signed head (whose root then comes with the proof). */
  inclusionProof(leaf: MerkleLeafView, treeSize?: number): InclusionProofDocument {
    const head = treeSize === undefined ? this.provableHead() : this.heads.atSize(treeSize);
    const size = treeSize ?? head?.treeSize ?? 0;
    this.assertWithinLog(size);
    if (leaf.leafIndex >= size) {
      throw invalidRequest(
        `Event ${leaf.eventId} is leaf ${leaf.leafIndex}: it is not in the tree of size ${size}`,
      );
    }
    return answered(() => inclusionProofDocument(this.log, leaf, size, head));
  }

  consistencyProof(oldSize: number, newSize?: number): ConsistencyProofDocument {
    const newHead = newSize === undefined ? this.provableHead() : this.heads.atSize(newSize);
    const size = newSize ?? newHead?.treeSize ?? 0;
    this.assertWithinLog(size);
    if (oldSize > size) {
      throw invalidRequest(`oldSize ${oldSize} is larger than newSize ${size}`);
    }
    const heads = { old: this.heads.atSize(oldSize), new: newHead };
    return answered(() => consistencyProofDocument(this.log, oldSize, size, heads));
  }

  private currentHead(): TreeHeadDocument {
    try {
      return this.signer.current();
    } catch (error) {
      if (!(error instanceof TreeHeadInconsistentError)) throw error;
      throw new ApplicationError(
        'inconsistent',
        error.message,
        'The ledger refuses to sign a tree head inconsistent with an earlier one',
      );
    }
  }

  /** The latest head, once the Merkle log holds its whole tree again (after a rebuild). */
  private provableHead(): TreeHeadDocument {
    const head = this.currentHead();
    if (head.treeSize > this.log.size()) {
      throw new ApplicationError(
        'unavailable',
        `The Merkle log is being rebuilt (${this.log.size()} of ${head.treeSize} events); retry shortly`,
      );
    }
    return head;
  }

  private assertWithinLog(size: number): void {
    const logSize = this.log.size();
    if (size > logSize) {
      throw invalidRequest(
        `Tree size ${size} is beyond the Merkle log, which holds ${logSize} events`,
      );
    }
  }
}

/** Sizes were checked beforehand: a refusal of the log here is a bad request that slipped by. */
function answered<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof MerkleLogError && error.failure !== 'missing-node') {
      throw invalidRequest(error.message);
    }
    throw error;
  }
}
