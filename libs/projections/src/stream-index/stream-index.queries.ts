import type Database from 'better-sqlite3';
import { cachedStatement } from '../sql-kit';

/**
 * The streams a point-in-time read of these partnerships replays, in the order they began: each
 * partnership's own stream and its aggregates' streams, and the streams of the ledger's valuation
 * policies (every valuation reads them).
 */
export function streamsOfPartnerships(
  db: Database.Database,
  partnershipIds: readonly string[],
): string[] {
  const rows = cachedStatement(
    db,
    `SELECT stream FROM stream_index_streams
     WHERE partnership_id IN (SELECT value FROM json_each(?))
        OR stream LIKE 'valuation-policy-%'
     ORDER BY first_position`,
  ).all(JSON.stringify(partnershipIds)) as { stream: string }[];
  return rows.map(({ stream }) => stream);
}

/** Every partnership the log holds a stream of: what a point-in-time read of everything replays. */
export function indexedPartnershipIds(db: Database.Database): string[] {
  const rows = cachedStatement(
    db,
    `SELECT DISTINCT partnership_id FROM stream_index_streams
     WHERE partnership_id IS NOT NULL ORDER BY partnership_id`,
  ).all() as { partnership_id: string }[];
  return rows.map((row) => row.partnership_id);
}
