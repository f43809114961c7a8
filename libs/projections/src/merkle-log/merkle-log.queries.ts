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
  readonly event_id: string;
  readonly position: number;
}

const COLUMNS = 'leaf_index, event_id, position';

function leafOf(row: LeafRow | undefined): MerkleLeaf | undefined {
  return (
    row && { leafIndex: row.leaf_index, eventId: row.event_id, position: String(row.position) }
  );
}

export function merkleLeafOfEvent(db: Database.Database, eventId: string): MerkleLeaf | undefined {
  const sql = `SELECT ${COLUMNS} FROM merkle_log_leaves WHERE event_id = ?`;
  return leafOf(cachedStatement(db, sql).get(eventId) as LeafRow | undefined);
}

export function merkleLeafAt(db: Database.Database, leafIndex: number): MerkleLeaf | undefined {
  const sql = `SELECT ${COLUMNS} FROM merkle_log_leaves WHERE leaf_index = ?`;
  return leafOf(cachedStatement(db, sql).get(leafIndex) as LeafRow | undefined);
}
