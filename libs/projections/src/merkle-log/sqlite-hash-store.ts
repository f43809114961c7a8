import type Database from 'better-sqlite3';
import { MerkleLogError, type MerkleHashStore, type MerkleNode } from '@cohesion/merkle';
import { cachedStatement } from '../sql-kit';

const LAST_INDEX = 'SELECT MAX(node_index) AS last FROM merkle_log_nodes WHERE level = ?';
const SELECT_NODE = 'SELECT hash FROM merkle_log_nodes WHERE level = ? AND node_index = ?';
const INSERT_NODE = 'INSERT INTO merkle_log_nodes (level, node_index, hash) VALUES (?, ?, ?)';

/**
 * The Merkle log's hashes in the read-model database (table `merkle_log_nodes`). Synchronous, so
 * that the projector writes them in the runner's transaction, together with its checkpoint. It
 * keeps nothing in memory: a batch the runner rolls back leaves no stale size behind.
 */
export class SqliteHashStore implements MerkleHashStore {
  // Prepared on first use (and then cached per database): the API wires the log up before the
  // projection runner has created its tables.
  constructor(private readonly db: Database.Database) {}

  size(): number {
    return this.nextIndex(0);
  }

  getNode(level: number, index: number): Uint8Array {
    const row = cachedStatement(this.db, SELECT_NODE).get(level, index) as
      | { hash: Buffer }
      | undefined;
    if (row === undefined) {
      throw new MerkleLogError('missing-node', `no stored node at level ${level}, index ${index}`);
    }
    // A plain copy, not the driver's Buffer: callers compare and keep it like any other hash.
    return new Uint8Array(row.hash);
  }

  putNodes(nodes: readonly MerkleNode[]): void {
    // A savepoint inside the runner's transaction: a refused batch leaves nothing behind.
    this.db.transaction(() => {
      const next = new Map<number, number>();
      for (const { level, index, hash } of nodes) {
        const expected = next.get(level) ?? this.nextIndex(level);
        if (index !== expected) {
          throw new MerkleLogError('invalid-argument', `node ${level}/${index} is out of order`);
        }
        next.set(level, index + 1);
        cachedStatement(this.db, INSERT_NODE).run(level, index, Buffer.from(hash));
      }
    })();
  }

  private nextIndex(level: number): number {
    const { last } = cachedStatement(this.db, LAST_INDEX).get(level) as { last: number | null };
    return last === null ? 0 : last + 1;
  }
}
