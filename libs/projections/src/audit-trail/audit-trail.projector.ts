import { ACCESS_STREAM_PREFIX } from '../access-audit/access-events';
import { effectiveDateOf } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { AUDIT_TRAIL_SCHEMA, AUDIT_TRAIL_TABLES } from './audit-trail.schema';

/**
 * Everything each principal did: one entry per event of the whole log, whatever its type (an
 * event type unknown to this version is still something someone did), with who acted, for which
 * partner, when, where, and under which command and correlation. Reads recorded by the access
 * audit are not acts on the ledger: they have their own read model.
 */
export const auditTrailProjector: Projector = {
  name: 'audit_trail',
  version: 4,
  tables: AUDIT_TRAIL_TABLES,
  schema: AUDIT_TRAIL_SCHEMA,
  bind(db) {
    // Positional parameters: one entry per event of the whole log, so binding by name (an object
    // per event, a lookup per column) is a cost worth avoiding on a rebuild.
    const record = db.prepare(
      `INSERT INTO audit_trail_entries (position, recorded_at, actor, partner_id, roles, stream,
         revision, type, event_id, command_id, correlation_id, causation_id, effective_date,
         backfill_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (event) => {
      const { position, stream, revision, type, id, metadata } = event;
      if (stream.startsWith(ACCESS_STREAM_PREFIX)) return;
      record.run(
        position,
        metadata.recordedAt,
        metadata.actor.sub,
        metadata.actor.partnerId ?? null,
        JSON.stringify(metadata.actor.roles ?? []),
        stream,
        revision,
        type,
        id,
        metadata.commandId,
        metadata.correlationId,
        metadata.causationId,
        effectiveDateOf(event),
        metadata.backfillReason ?? null,
      );
    };
  },
};
