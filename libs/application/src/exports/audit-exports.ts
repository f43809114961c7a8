import type { AccessEntryView, AuditEntryView } from '@cohesion/projections';
import { type Column, columnsOf, joined } from './export-columns';

const t = columnsOf<AuditEntryView>();

/** The actor audit trail, one record per event, as GET /audit-trail lists it. */
export const AUDIT_TRAIL_COLUMNS: readonly Column<AuditEntryView>[] = [
  t.integer('position', (row) => Number(row.position)),
  t.instant('recordedAt', (row) => row.recordedAt),
  t.text('actor', (row) => row.actor.sub),
  t.text('actorPartnerId', (row) => row.actor.partnerId),
  t.name('actorPartnerName', (row, names) =>
    row.actor.partnerId === null ? null : names.anyPartner(row.actor.partnerId),
  ),
  t.text('actorRoles', (row) => joined(row.actor.roles)),
  t.text('stream', (row) => row.stream),
  t.integer('revision', (row) => Number(row.revision)),
  t.text('type', (row) => row.type),
  t.text('eventId', (row) => row.eventId),
  t.text('commandId', (row) => row.commandId),
  t.text('correlationId', (row) => row.correlationId),
  t.text('causationId', (row) => row.causationId),
];

const a = columnsOf<AccessEntryView>();

/** The access audit, one record per access, as GET /access-audit lists it. */
export const ACCESS_AUDIT_COLUMNS: readonly Column<AccessEntryView>[] = [
  a.integer('position', (row) => Number(row.position)),
  a.instant('recordedAt', (row) => row.recordedAt),
  a.text('outcome', (row) => row.outcome),
  a.text('sub', (row) => row.principal.sub),
  a.text('partnerId', (row) => row.principal.partnerId),
  a.name('partnerName', (row, names) =>
    row.principal.partnerId === null ? null : names.anyPartner(row.principal.partnerId),
  ),
  a.text('roles', (row) => joined(row.principal.roles)),
  a.boolean('authenticated', (row) => row.principal.authenticated),
  a.text('method', (row) => row.method),
  a.text('route', (row) => row.route),
  a.text('path', (row) => row.path),
  a.text('conflictId', (row) => row.conflictId),
  a.integer('status', (row) => row.status),
  a.text('reason', (row) => row.reason),
  a.integer('count', (row) => row.count),
  a.text('client', (row) => row.client),
  a.instant('since', (row) => row.since),
  a.text('stream', (row) => row.stream),
  a.text('eventId', (row) => row.eventId),
];
