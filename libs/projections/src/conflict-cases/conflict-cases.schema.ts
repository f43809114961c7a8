export const CONFLICT_CASES_TABLES = [
  'conflict_cases_cases',
  'conflict_cases_parties',
  'conflict_cases_timeline',
  'conflict_cases_snapshots',
] as const;

/**
 * One row per case (its current compact state, with the columns lists filter on), its parties
 * indexed for "cases of this party", and its timeline: one row per event, so that a replay, or
 * the case as it stood at a revision or a time, is a range read. The case state after an event
 * is kept only every few revisions (the snapshots): storing it after every event made the
 * timeline three times the size of its events, and parsing it dominated a replay; a read folds
 * the events since the nearest snapshot instead (conflict-case-snapshots.ts).
 */
export const CONFLICT_CASES_SCHEMA = `
CREATE TABLE conflict_cases_cases (
  conflict_id     TEXT    PRIMARY KEY,
  -- log position of the raise: the list's order and its paging key
  seq             INTEGER NOT NULL UNIQUE,
  partnership_id  TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  open            INTEGER NOT NULL,
  mediator_id     TEXT,
  raised_at       TEXT    NOT NULL,
  resolved_at     TEXT,
  -- resolved, escalated or withdrawn
  closed_at       TEXT,
  time_to_resolution_ms INTEGER,
  updated_at      TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  -- the compact case state (JSON), as after the last event
  state           TEXT    NOT NULL
) STRICT;
CREATE INDEX conflict_cases_by_partnership ON conflict_cases_cases (partnership_id, seq);
CREATE INDEX conflict_cases_by_status ON conflict_cases_cases (status, seq);
CREATE INDEX conflict_cases_by_openness ON conflict_cases_cases (open, seq);
CREATE INDEX conflict_cases_by_mediator ON conflict_cases_cases (mediator_id, seq);

CREATE TABLE conflict_cases_parties (
  party_id    TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  conflict_id TEXT    NOT NULL,
  PRIMARY KEY (party_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE conflict_cases_timeline (
  conflict_id TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  effective_date  TEXT NOT NULL,
  backfill_reason TEXT,
  -- JSON: the acting principal, the event's data
  actor       TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  PRIMARY KEY (conflict_id, revision)
) STRICT;
CREATE INDEX conflict_cases_timeline_by_time
  ON conflict_cases_timeline (conflict_id, recorded_at, revision);

CREATE TABLE conflict_cases_snapshots (
  conflict_id TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  -- JSON: the compact case state after the event of this revision
  state       TEXT    NOT NULL,
  PRIMARY KEY (conflict_id, revision)
) STRICT;
`;
