import { partnerRoster } from '../projection-kit';

/** Partnerships and partners, so that a report also names the partners who committed nothing. */
export const accountabilityRoster = partnerRoster('accountability');

/**
 * One row per commitment with its terms in force and where it stands; overdue is not stored
 * (it depends on the day asked about) but `due_date` + `status` are indexed to derive it.
 */
const COMMITMENTS = `
  CREATE TABLE accountability_commitments (
    commitment_id          TEXT    PRIMARY KEY,
    made_position          INTEGER NOT NULL UNIQUE,
    partnership_id         TEXT    NOT NULL,
    partner_id             TEXT    NOT NULL,
    objective_id           TEXT,
    beneficiary_partner_id TEXT,
    beneficiary_group      TEXT,
    kind                   TEXT    NOT NULL,
    what                   TEXT    NOT NULL,
    due_date               TEXT    NOT NULL,
    quantity               REAL,
    unit                   TEXT,
    terms_version          INTEGER NOT NULL,
    status                 TEXT    NOT NULL,
    accepted_by            TEXT,
    confirmed_quantity     REAL    NOT NULL DEFAULT 0,
    claims_pending         INTEGER NOT NULL DEFAULT 0,
    claims_confirmed       INTEGER NOT NULL DEFAULT 0,
    claims_disputed        INTEGER NOT NULL DEFAULT 0,
    made_at                TEXT    NOT NULL,
    made_on                TEXT    NOT NULL,
    backfill_reason        TEXT,
    ended_at               TEXT,
    ended_on               TEXT,
    end_reason             TEXT,
    delivered_on           TEXT,
    fulfilled_on_time      INTEGER
  ) STRICT;
  CREATE INDEX accountability_commitments_by_partnership
    ON accountability_commitments (partnership_id, made_position);
  CREATE INDEX accountability_commitments_by_partnership_partner
    ON accountability_commitments (partnership_id, partner_id, made_position);
  CREATE INDEX accountability_commitments_by_partner
    ON accountability_commitments (partner_id, made_position);
  CREATE INDEX accountability_commitments_by_partnership_kind
    ON accountability_commitments (partnership_id, kind, made_position);
  CREATE INDEX accountability_commitments_by_status
    ON accountability_commitments (status, due_date);
`;

/** Every version of the terms: 1 as made, then one per amendment. */
const TERMS = `
  CREATE TABLE accountability_terms (
    commitment_id TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    what          TEXT    NOT NULL,
    due_date      TEXT    NOT NULL,
    quantity      REAL,
    unit          TEXT,
    amended_by    TEXT,
    reason        TEXT,
    recorded_at   TEXT    NOT NULL,
    effective_date  TEXT  NOT NULL,
    backfill_reason TEXT,
    PRIMARY KEY (commitment_id, version)
  ) STRICT;
`;

/** The evidence: each fulfilment claim, and who confirmed or disputed it. */
const CLAIMS = `
  CREATE TABLE accountability_claims (
    commitment_id   TEXT    NOT NULL,
    claim_id        TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    claimed_by      TEXT    NOT NULL,
    evidence        TEXT    NOT NULL,
    quantity        REAL,
    unit            TEXT,
    complete        INTEGER NOT NULL,
    contribution_id TEXT,
    status          TEXT    NOT NULL,
    claimed_at      TEXT    NOT NULL,
    delivered_on    TEXT    NOT NULL,
    backfill_reason TEXT,
    settled_by      TEXT,
    settled_at      TEXT,
    dispute_reason  TEXT,
    PRIMARY KEY (commitment_id, claim_id)
  ) STRICT;
`;

/** Each change of status, when, by which partner (from the event) and which principal. */
const HISTORY = `
  CREATE TABLE accountability_status_history (
    commitment_id TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    status_from   TEXT,
    status_to     TEXT    NOT NULL,
    changed_by    TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    reason        TEXT,
    recorded_at   TEXT    NOT NULL,
    effective_date  TEXT  NOT NULL,
    backfill_reason TEXT,
    PRIMARY KEY (commitment_id, position)
  ) STRICT;
`;

export const ACCOUNTABILITY_TABLES: readonly string[] = [
  'accountability_commitments',
  'accountability_terms',
  'accountability_claims',
  'accountability_status_history',
  ...accountabilityRoster.tables,
];

export const ACCOUNTABILITY_SCHEMA = [
  COMMITMENTS,
  TERMS,
  CLAIMS,
  HISTORY,
  accountabilityRoster.schema,
].join('\n');
