export const ERASURES_TABLES = ['erasures_requests'] as const;

/**
 * The erasure requests and what became of them: one row per request, whose data subject (a
 * person's id, or the feedback a resident gave: opaque ids, never what was erased), who asked and
 * why, and who answered (carried out or declined), when and why. `seq` is the log position of the
 * request: the list order.
 */
export const ERASURES_SCHEMA = `
CREATE TABLE erasures_requests (
  erasure_id        TEXT    PRIMARY KEY,
  seq               INTEGER NOT NULL UNIQUE,
  subject_kind      TEXT    NOT NULL,
  subject_id        TEXT    NOT NULL,
  subjects          TEXT    NOT NULL,
  status            TEXT    NOT NULL,
  requested_by      TEXT    NOT NULL,
  requested_at      TEXT    NOT NULL,
  request_reason    TEXT    NOT NULL,
  answered_by       TEXT,
  answered_at       TEXT,
  answer_reason     TEXT
) STRICT;
CREATE INDEX erasures_by_status ON erasures_requests (status, seq);
CREATE INDEX erasures_by_subject ON erasures_requests (subject_id, seq);
`;
