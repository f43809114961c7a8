export const MERKLE_LOG_TABLES = ['merkle_log_nodes', 'merkle_log_leaves'] as const;

/**
 * The RFC 9162 Merkle tree over the whole log. Only complete perfect subtrees are stored, one row
 * each, keyed by (level, index): append-only, so any root or proof for any size is a handful of
 * primary-key reads. Level 0 holds the leaf hashes; `merkle_log_leaves` says which event each
 * leaf is, in both directions (a proof is asked for an event id or a leaf index), and where it is
 * in the log: its stream, revision and hash are read from there (they were copied here before
 * version 2, a fifth of the read models' size).
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
  event_id   TEXT    NOT NULL UNIQUE,
  position   INTEGER NOT NULL
) STRICT;
`;
