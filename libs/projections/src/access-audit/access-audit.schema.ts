export const ACCESS_AUDIT_TABLES = ['access_audit_entries'] as const;

/**
 * One row per access event, keyed by its log position (the rowid: log order for free), with an
 * index per way auditors ask: by principal, by outcome, by time.
 */
export const ACCESS_AUDIT_SCHEMA = `
CREATE TABLE access_audit_entries (
  position      INTEGER PRIMARY KEY,
  recorded_at   TEXT    NOT NULL,
  outcome       TEXT    NOT NULL,
  sub           TEXT    NOT NULL,
  partner_id    TEXT,
  roles         TEXT    NOT NULL,
  authenticated INTEGER NOT NULL,
  method        TEXT    NOT NULL,
  route         TEXT,
  path          TEXT    NOT NULL,
  conflict_id   TEXT,
  status        INTEGER NOT NULL,
  reason        TEXT    NOT NULL,
  -- requests the entry stands for: refusals without credentials are counted per client and minute
  count         INTEGER NOT NULL,
  client        TEXT,
  since         TEXT,
  stream        TEXT    NOT NULL,
  event_id      TEXT    NOT NULL
) STRICT;
CREATE INDEX access_audit_by_sub ON access_audit_entries (sub, position);
CREATE INDEX access_audit_by_outcome ON access_audit_entries (outcome, position);
CREATE INDEX access_audit_by_time ON access_audit_entries (recorded_at);
`;
