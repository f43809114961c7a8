export const AUDIT_TRAIL_TABLES = ['audit_trail_entries'] as const;

/**
 * One row per event of the whole log, keyed by its position (the rowid: log order for free), with
 * an index per way of asking "who did what": by principal, by the partner acted for, by type.
 */
export const AUDIT_TRAIL_SCHEMA = `
CREATE TABLE audit_trail_entries (
  position       INTEGER PRIMARY KEY,
  recorded_at    TEXT    NOT NULL,
  actor          TEXT    NOT NULL,
  partner_id     TEXT,
  roles          TEXT    NOT NULL,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  event_id       TEXT    NOT NULL,
  command_id     TEXT    NOT NULL,
  correlation_id TEXT    NOT NULL,
  causation_id   TEXT    NOT NULL,
  effective_date TEXT    NOT NULL,
  backfill_reason TEXT
) STRICT;
CREATE INDEX audit_trail_by_actor ON audit_trail_entries (actor, position);
CREATE INDEX audit_trail_by_partner ON audit_trail_entries (partner_id, position);
CREATE INDEX audit_trail_by_type ON audit_trail_entries (type, position);
CREATE INDEX audit_trail_by_time ON audit_trail_entries (recorded_at);
`;
