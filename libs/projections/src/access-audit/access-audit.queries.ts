import type Database from 'better-sqlite3';
import { fromJsonColumn, keysetList, when } from '../sql-kit';
import type { AccessOutcome } from './access-events';
import type { AccessEntryView } from './access-audit.views';

export interface AccessAuditFilters {
  readonly sub?: string;
  readonly outcome?: AccessOutcome;
  /** ISO-8601 instants (as recorded, UTC): `from` inclusive, `to` exclusive. */
  readonly from?: string;
  readonly to?: string;
  /** The position of the last entry of the previous page. */
  readonly after?: number;
  readonly limit: number;
}

interface AccessRow {
  readonly position: number;
  readonly recorded_at: string;
  readonly outcome: AccessOutcome;
  readonly sub: string;
  readonly partner_id: string | null;
  readonly roles: string;
  readonly authenticated: number;
  readonly method: string;
  readonly route: string | null;
  readonly path: string;
  readonly conflict_id: string | null;
  readonly status: number;
  readonly reason: string;
  readonly count: number;
  readonly client: string | null;
  readonly since: string | null;
  readonly stream: string;
  readonly event_id: string;
}

function entryView(row: AccessRow): AccessEntryView {
  return {
    position: String(row.position),
    recordedAt: row.recorded_at,
    outcome: row.outcome,
    principal: {
      sub: row.sub,
      partnerId: row.partner_id,
      roles: fromJsonColumn<string[]>(row.roles),
      authenticated: row.authenticated === 1,
    },
    method: row.method,
    route: row.route,
    path: row.path,
    conflictId: row.conflict_id,
    status: row.status,
    reason: row.reason,
    count: row.count,
    client: row.client,
    since: row.since,
    stream: row.stream,
    eventId: row.event_id,
  };
}

/**
 * `limit + 1` access entries after the position `after`, in log order, passing every filter given
 * (the extra one tells that a next page exists).
 */
export function accessAudit(db: Database.Database, filters: AccessAuditFilters): AccessEntryView[] {
  return keysetList<AccessRow>(db, {
    select: '*',
    from: 'access_audit_entries',
    key: 'position',
    filters: [
      when(filters.sub, (sub) => ['sub = ?', sub]),
      when(filters.outcome, (outcome) => ['outcome = ?', outcome]),
      when(filters.from, (from) => ['recorded_at >= ?', from]),
      when(filters.to, (to) => ['recorded_at < ?', to]),
    ],
    after: filters.after,
    limit: filters.limit,
  }).map(entryView);
}
