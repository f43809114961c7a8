import type Database from 'better-sqlite3';
import { MerkleLog } from '@cohesion/merkle';
import { cachedStatement } from '../sql-kit';
import { nativeMerkleHasher } from './native-hasher';
import { SqliteHashStore } from './sqlite-hash-store';
import type { MerkleLeaf } from './merkle-log.views';

const logs = new WeakMap<Database.Database, MerkleLog>();

/**
 * The Merkle log kept by the projector, for roots and proofs. One per database: the log keeps no
 * state of its own, and its statements survive a rebuild (SQLite re-prepares them).
 */
export function merkleLogOf(db: Database.Database): MerkleLog {
  let log = logs.get(db);
  if (!log) {
    log = new MerkleLog(new SqliteHashStore(db), nativeMerkleHasher);
    logs.set(db, log);
  }
  return log;
}

interface LeafRow {
  readonly leaf_index: number;
  readonly position: number;
}

function leafOf(row: LeafRow | undefined): MerkleLeaf | undefined {
  return row && { leafIndex: row.leaf_index, position: String(row.position) };
}

/** The leaf an event id was made, if any; the id itself is checked against the log's event. */
export function merkleLeafOfEvent(db: Database.Database, eventId: string): MerkleLeaf | undefined {
  const sql = `SELECT leaf.leaf_index, leaf.position
    FROM merkle_log_leaves_by_event AS event JOIN merkle_log_leaves AS leaf USING (leaf_index)
    WHERE event.event_id = ?`;
  return leafOf(cachedStatement(db, sql).get(eventId) as LeafRow | undefined);
}

export function merkleLeafAt(db: Database.Database, leafIndex: number): MerkleLeaf | undefined {
  const sql = 'SELECT leaf_index, position FROM merkle_log_leaves WHERE leaf_index = ?';
  return leafOf(cachedStatement(db, sql).get(leafIndex) as LeafRow | undefined);
}
