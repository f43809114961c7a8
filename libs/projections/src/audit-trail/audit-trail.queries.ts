import type Database from 'better-sqlite3';
import { cachedStatement, when, whereOf } from '../sql-kit';

export interface AuditTrailFilters {
  /** The principal (`metadata.actor.sub`). */
  readonly actor?: string;
  /** The partner the principal acted for (`metadata.actor.partnerId`). */
  readonly partnerId?: string;
  readonly type?: string;
  /** ISO-8601 instants (as recorded, UTC): `from` inclusive, `to` exclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Only the back-filled acts (true), or only those recorded in time (false). */
  readonly backfilled?: boolean;
  /** The position of the last entry of the previous page. */
  readonly after?: number;
  readonly limit: number;
}

/** A name's ref; NULL for a name never recorded, which then matches no entry. */
const REF_OF_NAME = '(SELECT ref FROM audit_trail_names WHERE name = ?)';

/**
 * The log positions of `limit + 1` entries after the position `after`, in log order, that pass
 * every filter given: the events to read from the log and show (see `auditEntryOf`).
 */
export function auditTrailPositions(db: Database.Database, filters: AuditTrailFilters): number[] {
  const { where, parameters } = whereOf([
    when(filters.actor, (actor) => [`actor = ${REF_OF_NAME}`, actor]),
    when(filters.partnerId, (partnerId) => [`partner = ${REF_OF_NAME}`, partnerId]),
    when(filters.type, (type) => [`type = ${REF_OF_NAME}`, type]),
    when(filters.from, (from) => ['recorded_ms >= ?', Date.parse(from)]),
    when(filters.to, (to) => ['recorded_ms < ?', Date.parse(to)]),
    when(filters.backfilled, (backfilled) => ['backfilled = ?', backfilled ? 1 : 0]),
    when(filters.after, (position) => ['position > ?', position]),
  ]);
  return cachedStatement(
    db,
    `SELECT position FROM audit_trail_entries ${where} ORDER BY position LIMIT ?`,
  )
    .pluck()
    .all(...parameters, filters.limit + 1) as number[];
}
