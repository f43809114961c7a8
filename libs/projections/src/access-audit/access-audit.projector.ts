import type { Projector } from '../projector';
import { toJsonColumn } from '../sql-kit';
import {
  ACCESS_EVENT_OUTCOMES,
  ACCESS_STREAM_PREFIX,
  type AccessEvent,
  type AccessEventData,
} from './access-events';
import { ACCESS_AUDIT_SCHEMA, ACCESS_AUDIT_TABLES } from './access-audit.schema';

const isAccessEvent = (type: string): type is AccessEvent['type'] =>
  Object.hasOwn(ACCESS_EVENT_OUTCOMES, type);

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const textOrEmpty = (value: unknown): string => textOrNull(value) ?? '';

/** Who read which confidential conflict case, and who was refused what: one entry per access event. */
export const accessAuditProjector: Projector = {
  name: 'access_audit',
  version: 2,
  tables: ACCESS_AUDIT_TABLES,
  schema: ACCESS_AUDIT_SCHEMA,
  bind(db) {
    const record = db.prepare(
      `INSERT INTO access_audit_entries (position, recorded_at, outcome, sub, partner_id, roles,
         authenticated, method, route, path, conflict_id, status, reason, count, client, since,
         stream, event_id)
       VALUES (@position, @recordedAt, @outcome, @sub, @partnerId, @roles, @authenticated,
         @method, @route, @path, @conflictId, @status, @reason, @count, @client, @since,
         @stream, @eventId)`,
    );
    return (event) => {
      if (!isAccessEvent(event.type) || !event.stream.startsWith(ACCESS_STREAM_PREFIX)) return;
      // Written by the ledger itself, but read defensively: a malformed entry must not stall
      // every read model of the node behind it.
      const data = event.data as Partial<Record<keyof AccessEventData, unknown>>;
      const { actor, recordedAt } = event.metadata;
      record.run({
        position: event.position,
        recordedAt,
        outcome: ACCESS_EVENT_OUTCOMES[event.type],
        sub: actor.sub,
        partnerId: actor.partnerId ?? null,
        roles: toJsonColumn(actor.roles ?? []),
        authenticated: data.authenticated === true ? 1 : 0,
        method: textOrEmpty(data.method),
        route: textOrNull(data.route),
        path: textOrEmpty(data.path),
        conflictId: textOrNull(data.conflictId),
        status: typeof data.status === 'number' && Number.isInteger(data.status) ? data.status : 0,
        reason: textOrEmpty(data.reason),
        count:
          typeof data.count === 'number' && Number.isSafeInteger(data.count) && data.count > 0
            ? data.count
            : 1,
        client: textOrNull(data.client),
        since: textOrNull(data.since),
        stream: event.stream,
        eventId: event.id,
      });
    };
  },
};
