export const AGREEMENTS_REGISTER_TABLES = [
  'agreements_register_agreements',
  'agreements_register_parties',
  'agreements_register_versions',
  'agreements_register_signatures',
] as const;

/**
 * One row per agreement with what the register lists (its current terms and who signed them),
 * the parties indexed for "agreements of this party", every terms version (the amendment
 * history) and every signature, on whichever version it bound.
 */
export const AGREEMENTS_REGISTER_SCHEMA = `
CREATE TABLE agreements_register_agreements (
  agreement_id       TEXT    PRIMARY KEY,
  -- log position of the proposal: the register's order and its paging key
  seq                INTEGER NOT NULL UNIQUE,
  partnership_id     TEXT    NOT NULL,
  title              TEXT    NOT NULL,
  status             TEXT    NOT NULL,
  -- JSON arrays: the parties as proposed, and those who signed the current terms version
  parties            TEXT    NOT NULL,
  signed_by          TEXT    NOT NULL,
  current_version    INTEGER NOT NULL,
  current_terms_hash TEXT    NOT NULL,
  ends_on            TEXT,
  proposed_at        TEXT    NOT NULL,
  in_force_since     TEXT,
  closed_at          TEXT,
  closed_by          TEXT,
  closed_reason      TEXT,
  updated_at         TEXT    NOT NULL,
  revision           INTEGER NOT NULL
) STRICT;
CREATE INDEX agreements_register_by_partnership
  ON agreements_register_agreements (partnership_id, seq);
CREATE INDEX agreements_register_by_status ON agreements_register_agreements (status, seq);

CREATE TABLE agreements_register_parties (
  party_id     TEXT    NOT NULL,
  seq          INTEGER NOT NULL,
  agreement_id TEXT    NOT NULL,
  PRIMARY KEY (party_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE agreements_register_versions (
  agreement_id           TEXT    NOT NULL,
  version                INTEGER NOT NULL,
  terms_hash             TEXT    NOT NULL,
  clauses                TEXT    NOT NULL,
  -- null for version 1, which was proposed rather than amended
  reason                 TEXT,
  -- the party who proposed or amended these terms (null when the principal acted for none)
  by_party               TEXT,
  actor                  TEXT    NOT NULL,
  recorded_at            TEXT    NOT NULL,
  effective_date         TEXT    NOT NULL,
  backfill_reason        TEXT,
  entered_into_force_at  TEXT,
  PRIMARY KEY (agreement_id, version)
) STRICT;

CREATE TABLE agreements_register_signatures (
  agreement_id TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  party_id     TEXT    NOT NULL,
  terms_hash   TEXT    NOT NULL,
  signed_at    TEXT    NOT NULL,
  signed_on    TEXT    NOT NULL,
  backfill_reason TEXT,
  actor        TEXT    NOT NULL,
  PRIMARY KEY (agreement_id, version, party_id)
) STRICT;
`;
