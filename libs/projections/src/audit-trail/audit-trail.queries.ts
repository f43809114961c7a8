import type Database from 'better-sqlite3';
import { cachedStatement, fromJsonColumn, when, whereOf } from '../sql-kit';
import { backfillMarkOf } from '../projection-kit';
import type { AuditEntryView } from './audit-trail.views';

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

interface AuditRow {
  readonly position: number;
  readonly recorded_at: string;
  readonly actor: string;
  readonly partner_id: string | null;
  readonly roles: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly event_id: string;
  readonly command_id: string;
  readonly correlation_id: string;
  readonly causation_id: string;
  readonly effective_date: string;
  readonly backfill_reason: string | null;
}

function entryView(row: AuditRow): AuditEntryView {
  return {
    position: String(row.position),
    recordedAt: row.recorded_at,
    effectiveDate: row.effective_date,
    ...backfillMarkOf(row.backfill_reason),
    actor: {
      sub: row.actor,
      partnerId: row.partner_id,
      roles: fromJsonColumn<string[]>(row.roles),
    },
    stream: row.stream,
    revision: String(row.revision),
    type: row.type,
    eventId: row.event_id,
    commandId: row.command_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
  };
}

/** `limit + 1` entries after the position `after`, in log order, that pass every filter given. */
export function auditTrail(db: Database.Database, filters: AuditTrailFilters): AuditEntryView[] {
  const { where, parameters } = whereOf([
    when(filters.actor, (actor) => ['actor = ?', actor]),
    when(filters.partnerId, (partnerId) => ['partner_id = ?', partnerId]),
    when(filters.type, (type) => ['type = ?', type]),
    when(filters.from, (from) => ['recorded_at >= ?', from]),
    when(filters.to, (to) => ['recorded_at < ?', to]),
    when(filters.backfilled, (backfilled) => [
      backfilled ? 'backfill_reason IS NOT NULL' : 'backfill_reason IS NULL',
    ]),
    when(filters.after, (position) => ['position > ?', position]),
  ]);
  const rows = cachedStatement(
    db,
    `SELECT * FROM audit_trail_entries ${where} ORDER BY position LIMIT ?`,
  ).all(...parameters, filters.limit + 1) as AuditRow[];
  return rows.map(entryView);
}
