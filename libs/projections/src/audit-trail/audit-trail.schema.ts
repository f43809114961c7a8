export const AUDIT_TRAIL_TABLES = ['audit_trail_entries', 'audit_trail_names'] as const;

/**
 * One row per act of the whole log, keyed by its position (the rowid: log order for free), holding
 * only what the trail is searched by: who acted, for which partner, the event's type, when it was
 * recorded (milliseconds since the epoch, UTC) and whether it was back-filled. Principals,
 * partners and types are a few thousand names for a million acts, so each is stored once in
 * `audit_trail_names` and the entries and their indexes hold its small integer `ref`. The rest of
 * an entry (stream, revision, ids, roles, dates, reason) is in the event's envelope, read from the
 * log by position when a page is shown: the trail is an index over the log, not a second copy of
 * it (it was the largest read model, about 0.4 GB at a million events, before version 5).
 */
export const AUDIT_TRAIL_SCHEMA = `
CREATE TABLE audit_trail_names (
  ref  INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
) STRICT;
CREATE TABLE audit_trail_entries (
  position    INTEGER PRIMARY KEY,
  recorded_ms INTEGER NOT NULL,
  actor       INTEGER NOT NULL,
  partner     INTEGER,
  type        INTEGER NOT NULL,
  backfilled  INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_trail_by_actor ON audit_trail_entries (actor, position);
CREATE INDEX audit_trail_by_partner ON audit_trail_entries (partner, position);
CREATE INDEX audit_trail_by_type ON audit_trail_entries (type, position);
CREATE INDEX audit_trail_by_time ON audit_trail_entries (recorded_ms);
`;
