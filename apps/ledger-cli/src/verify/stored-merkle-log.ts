import type Database from 'better-sqlite3';
import { bytesEqual, type MerkleNode } from '@cohesion/merkle';
import {
  MERKLE_LOG_TABLES,
  merkleLeafAt,
  merkleLeafOfEvent,
  SqliteHashStore,
} from '@cohesion/projections/merkle-log';
import type { EventRow } from './event-rows';

/**
 * The Merkle log the API's projection stored in the read-model database, compared node by node
 * with the tree recomputed from the events. It may lag the events (the projection follows the
 * log) or be missing (never started): only what it holds is compared.
 */
export class StoredMerkleLog {
  private readonly nodes: SqliteHashStore;
  /** Leaves stored when the check began; later ones are not compared. */
  readonly size: number;

  private constructor(private readonly db: Database.Database) {
    this.nodes = new SqliteHashStore(db);
    this.size = this.nodes.size();
  }

  static open(db: Database.Database | undefined): StoredMerkleLog | undefined {
    if (db === undefined) return undefined;
    const found = db
      .prepare(
        `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'
         AND name IN (${MERKLE_LOG_TABLES.map(() => '?').join(', ')})`,
      )
      .get(...MERKLE_LOG_TABLES) as { n: number };
    return found.n === MERKLE_LOG_TABLES.length ? new StoredMerkleLog(db) : undefined;
  }

  /** Why the event is not the stored leaf `index`, if it is not. */
  leafMismatch(index: number, row: EventRow, leafHash: Uint8Array): string | undefined {
    if (index >= this.size) return undefined;
    if (!bytesEqual(this.nodes.getNode(0, index), leafHash)) {
      return (
        `its hash is not leaf ${index} of the Merkle log, projected when it was appended ` +
        '(the event was rewritten since, with its hash chain, or the read model was altered)'
      );
    }
    if (merkleLeafAt(this.db, index)?.position !== row.position.toString()) {
      return `the Merkle log names another event as leaf ${index}`;
    }
    if (merkleLeafOfEvent(this.db, row.id)?.leafIndex !== index) {
      return `the Merkle log finds event ${row.id} at another leaf than ${index}`;
    }
    return undefined;
  }

  /** Why a recomputed node differs from the stored one, if it is stored and differs. */
  nodeMismatch({ level, index, hash }: MerkleNode): string | undefined {
    const width = 2 ** level;
    if ((index + 1) * width > this.size) return undefined;
    if (bytesEqual(this.nodes.getNode(level, index), hash)) return undefined;
    return (
      `stored node ${level}/${index} (leaves ${index * width} to ${(index + 1) * width - 1}) ` +
      'does not match the events it covers: the Merkle read model was altered'
    );
  }
}
