import { ACCESS_STREAM_PREFIX } from '../access-audit/access-events';
import type { Projector } from '../projector';
import { AUDIT_TRAIL_SCHEMA, AUDIT_TRAIL_TABLES } from './audit-trail.schema';

/**
 * Everything each principal did: one entry per event of the whole log, whatever its type (an
 * event type unknown to this version is still something someone did), indexed by who acted, for
 * which partner, what and when. Reads recorded by the access audit are not acts on the ledger:
 * they have their own read model. Version 5 keeps only the searched columns (see the schema).
 */
export const auditTrailProjector: Projector = {
  name: 'audit_trail',
  version: 5,
  tables: AUDIT_TRAIL_TABLES,
  schema: AUDIT_TRAIL_SCHEMA,
  bind(db) {
    // Positional parameters: one entry per event of the whole log, so binding by name (an object
    // per event, a lookup per column) is a cost worth avoiding on a rebuild.
    const record = db.prepare(
      `INSERT INTO audit_trail_entries (position, recorded_ms, actor, partner_id, type, backfilled)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    return ({ position, stream, type, metadata }) => {
      if (stream.startsWith(ACCESS_STREAM_PREFIX)) return;
      record.run(
        position,
        Date.parse(metadata.recordedAt),
        metadata.actor.sub,
        metadata.actor.partnerId ?? null,
        type,
        metadata.backfillReason === undefined ? 0 : 1,
      );
    };
  },
};
