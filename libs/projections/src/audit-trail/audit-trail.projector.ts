import type Database from 'better-sqlite3';
import { ACCESS_STREAM_PREFIX } from '../access-audit/access-events';
import type { BatchHandler, Projector } from '../projector';
import { AUDIT_TRAIL_SCHEMA, AUDIT_TRAIL_TABLES } from './audit-trail.schema';

/**
 * Indexes a batch of acts. A name's ref is looked up (or given) once per batch: the memo lives
 * only as long as the batch's transaction, so a batch the runner rolls back leaves no ref behind
 * that the table no longer holds.
 */
function bindEntries(db: Database.Database): BatchHandler {
  // Positional parameters: one entry per event of the whole log, so binding by name (an object
  // per event, a lookup per column) is a cost worth avoiding on a rebuild.
  const record = db.prepare(
    `INSERT INTO audit_trail_entries (position, recorded_ms, actor, partner, type, backfilled)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // The no-op update makes RETURNING answer for a name already there too.
  const named = db
    .prepare(
      `INSERT INTO audit_trail_names (name) VALUES (?)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING ref`,
    )
    .pluck();
  return (events) => {
    const refs = new Map<string, number>();
    const refOf = (name: string): number => {
      let ref = refs.get(name);
      if (ref === undefined) {
        ref = named.get(name) as number;
        refs.set(name, ref);
      }
      return ref;
    };
    for (const { position, stream, type, metadata } of events) {
      if (stream.startsWith(ACCESS_STREAM_PREFIX)) continue;
      const { actor, recordedAt, backfillReason } = metadata;
      record.run(
        position,
        Date.parse(recordedAt),
        refOf(actor.sub),
        actor.partnerId === undefined ? null : refOf(actor.partnerId),
        refOf(type),
        backfillReason === undefined ? 0 : 1,
      );
    }
  };
}

/**
 * Everything each principal did: one entry per event of the whole log, whatever its type (an
 * event type unknown to this version is still something someone did), indexed by who acted, for
 * which partner, what and when. Reads recorded by the access audit are not acts on the ledger:
 * they have their own read model. Version 6: only the searched columns, names stored once (see
 * the schema).
 */
export const auditTrailProjector: Projector = {
  name: 'audit_trail',
  version: 6,
  tables: AUDIT_TRAIL_TABLES,
  schema: AUDIT_TRAIL_SCHEMA,
  bind(db) {
    const index = bindEntries(db);
    return (event) => index([event]);
  },
  bindBatch: bindEntries,
};
