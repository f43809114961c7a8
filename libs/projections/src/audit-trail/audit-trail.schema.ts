export const AUDIT_TRAIL_TABLES = ['audit_trail_entries'] as const;

/**
 * One row per act of the whole log, keyed by its position (the rowid: log order for free), holding
 * only what the trail is searched by: who acted, for which partner, the event's type, when it was
 * recorded (milliseconds since the epoch, UTC) and whether it was back-filled. The rest of an
 * entry (stream, revision, ids, roles, dates, reason) is in the event's envelope, read from the log
 * by position when a page is shown: the trail is an index over the log, not a second copy of it
 * (it was the largest read model, about 0.4 GB at a million events, before).
 */
export const AUDIT_TRAIL_SCHEMA = `
CREATE TABLE audit_trail_entries (
  position    INTEGER PRIMARY KEY,
  recorded_ms INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  partner_id  TEXT,
  type        TEXT    NOT NULL,
  backfilled  INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_trail_by_actor ON audit_trail_entries (actor, position);
CREATE INDEX audit_trail_by_partner ON audit_trail_entries (partner_id, position);
CREATE INDEX audit_trail_by_type ON audit_trail_entries (type, position);
CREATE INDEX audit_trail_by_time ON audit_trail_entries (recorded_ms);
`;
