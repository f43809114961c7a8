import { MerkleLog } from '@cohesion/merkle';
import type { Projector } from '../projector';
import { eventHashBytes, nativeMerkleHasher } from './native-hasher';
import { MERKLE_LOG_SCHEMA, MERKLE_LOG_TABLES } from './merkle-log.schema';
import { SqliteHashStore } from './sqlite-hash-store';

/**
 * The whole log as an RFC 9162 Merkle tree, in log order: every event (access-audit reads too,
 * since they are in the log) is the next leaf, the leaf being the event's hash. Appending writes
 * the leaf and the at most log2(n) parents it completes; nothing is ever recomputed.
 */
export const merkleLogProjector: Projector = {
  name: 'merkle_log',
  version: 1,
  tables: MERKLE_LOG_TABLES,
  schema: MERKLE_LOG_SCHEMA,
  bind(db) {
    const log = new MerkleLog(new SqliteHashStore(db), nativeMerkleHasher);
    const record = db.prepare(
      `INSERT INTO merkle_log_leaves (leaf_index, event_id, position, stream, revision, event_hash)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    return ({ id, position, stream, revision, hash }) => {
      const size = log.append([eventHashBytes(hash)]);
      record.run(size - 1, id, position, stream, revision, hash);
    };
  },
};
