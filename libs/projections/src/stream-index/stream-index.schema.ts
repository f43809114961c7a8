export const STREAM_INDEX_TABLES = ['stream_index_streams'] as const;

/**
 * One row per stream: the partnership its aggregate belongs to (null for what is the whole
 * ledger's: valuation policies, access streams), from the stream's first event. What a
 * point-in-time read replays: the streams of a partnership, and the valuation policies.
 */
export const STREAM_INDEX_SCHEMA = `
CREATE TABLE stream_index_streams (
  stream          TEXT    PRIMARY KEY,
  partnership_id  TEXT,
  first_position  INTEGER NOT NULL
) STRICT;
CREATE INDEX stream_index_by_partnership ON stream_index_streams (partnership_id, first_position);
`;
