export const MERKLE_LOG_TABLES = [
  'merkle_log_nodes',
  'merkle_log_leaves',
  'merkle_log_leaves_by_event',
] as const;

/**
 * The RFC 9162 Merkle tree over the whole log. Only complete perfect subtrees are stored, one row
 * each, keyed by (level, index): append-only, so any root or proof for any size is a handful of
 * primary-key reads. Level 0 holds the leaf hashes. `merkle_log_leaves` says where in the log
 * each leaf's event is, and `merkle_log_leaves_by_event` which leaf an event id is (a proof is
 * asked for an event id or a leaf index): the event itself (its id, stream, revision and hash) is
 * read from the log at that position. Before version 2 these were copied here, a fifth of the
 * read models' size.
 */
export const MERKLE_LOG_SCHEMA = `
CREATE TABLE merkle_log_nodes (
  level      INTEGER NOT NULL,
  node_index INTEGER NOT NULL,
  hash       BLOB    NOT NULL,
  PRIMARY KEY (level, node_index)
) STRICT, WITHOUT ROWID;
CREATE TABLE merkle_log_leaves (
  leaf_index INTEGER PRIMARY KEY,
  position   INTEGER NOT NULL
) STRICT;
CREATE TABLE merkle_log_leaves_by_event (
  event_id   TEXT    PRIMARY KEY,
  leaf_index INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`;
