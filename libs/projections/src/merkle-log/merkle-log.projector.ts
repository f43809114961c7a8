import type Database from 'better-sqlite3';
import { MerkleLog } from '@cohesion/merkle';
import type { BatchHandler, Projector } from '../projector';
import { eventHashBytes, nativeMerkleHasher } from './native-hasher';
import { MERKLE_LOG_SCHEMA, MERKLE_LOG_TABLES } from './merkle-log.schema';
import { SqliteHashStore } from './sqlite-hash-store';

/**
 * Appends a batch's events as the next leaves in one go: the parents they complete are mostly
 * hashed from the batch itself, and stored with one size check, where one append per event reads
 * the size and the left sibling back from the tables every time.
 */
function bindLeaves(db: Database.Database): BatchHandler {
  const log = new MerkleLog(new SqliteHashStore(db), nativeMerkleHasher);
  const leafAt = db.prepare('INSERT INTO merkle_log_leaves (leaf_index, position) VALUES (?, ?)');
  const leafOfEvent = db.prepare(
    'INSERT INTO merkle_log_leaves_by_event (event_id, leaf_index) VALUES (?, ?)',
  );
  return (events) => {
    const first = log.append(events.map(({ hash }) => eventHashBytes(hash))) - events.length;
    events.forEach(({ id, position }, offset) => {
      leafAt.run(first + offset, position);
      leafOfEvent.run(id, first + offset);
    });
  };
}

/**
 * The whole log as an RFC 9162 Merkle tree, in log order: every event (access-audit reads too,
 * since they are in the log) is the next leaf, the leaf being the event's hash. Appending writes
 * the leaves and the parents they complete; nothing is ever recomputed.
 */
export const merkleLogProjector: Projector = {
  name: 'merkle_log',
  version: 3,
  tables: MERKLE_LOG_TABLES,
  schema: MERKLE_LOG_SCHEMA,
  bind(db) {
    const append = bindLeaves(db);
    return (event) => append([event]);
  },
  bindBatch: bindLeaves,
};
