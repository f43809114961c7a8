import { partnerRoster } from '../projection-kit';

/** Partnerships and partners: names, membership and responsibilities (the equity view). */
export const recognitionRoster = partnerRoster('contribution_recognition');

/** The raw facts only: values are computed at query time under the policy asked for. */
const CONTRIBUTIONS = `
  CREATE TABLE contribution_recognition_contributions (
    contribution_id  TEXT    PRIMARY KEY,
    position         INTEGER NOT NULL UNIQUE,
    partnership_id   TEXT    NOT NULL,
    partner_id       TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    quantity         REAL    NOT NULL,
    unit             TEXT    NOT NULL,
    date             TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    commitment_id    TEXT,
    status           TEXT    NOT NULL,
    acknowledgements INTEGER NOT NULL DEFAULT 0,
    recorded_at      TEXT    NOT NULL,
    backfill_reason  TEXT,
    reversed_at      TEXT,
    reversal_reason  TEXT
  ) STRICT;
  CREATE INDEX contribution_recognition_contributions_by_date
    ON contribution_recognition_contributions (date, position);
  -- Covers what the reports add up (contributionsStanding): a partnership's are read from the
  -- index alone, in a row, instead of one table lookup per contribution.
  CREATE INDEX contribution_recognition_contributions_by_partnership
    ON contribution_recognition_contributions (partnership_id, date, position, partner_id, kind,
      unit, quantity, status, acknowledgements);
  CREATE INDEX contribution_recognition_contributions_by_partner
    ON contribution_recognition_contributions (partner_id, date, position);
  CREATE TABLE contribution_recognition_acknowledgements (
    contribution_id TEXT    NOT NULL,
    acknowledged_by TEXT    NOT NULL,
    note            TEXT,
    position        INTEGER NOT NULL,
    acknowledged_at TEXT    NOT NULL,
    PRIMARY KEY (contribution_id, acknowledged_by)
  ) STRICT;
`;

/** Every valuation policy with every entry ever set, never rewritten (as the policy stream). */
const POLICIES = `
  CREATE TABLE contribution_recognition_policies (
    policy_id  TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    currency   TEXT NOT NULL,
    defined_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE contribution_recognition_rates (
    policy_id      TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    entry          TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    effective_from TEXT    NOT NULL,
    rate           REAL,
    currency       TEXT,
    source         TEXT,
    reason         TEXT,
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (policy_id, version)
  ) STRICT;
`;

/** What each partner committed to, for its share of commitments in the equity view. */
const COMMITMENTS = `
  CREATE TABLE contribution_recognition_commitments (
    commitment_id  TEXT    PRIMARY KEY,
    partnership_id TEXT    NOT NULL,
    partner_id     TEXT    NOT NULL,
    due_date       TEXT    NOT NULL,
    withdrawn      INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX contribution_recognition_commitments_by_partnership
    ON contribution_recognition_commitments (partnership_id, due_date);
`;

export const CONTRIBUTION_RECOGNITION_TABLES: readonly string[] = [
  'contribution_recognition_contributions',
  'contribution_recognition_acknowledgements',
  'contribution_recognition_policies',
  'contribution_recognition_rates',
  'contribution_recognition_commitments',
  ...recognitionRoster.tables,
];

export const CONTRIBUTION_RECOGNITION_SCHEMA = [
  CONTRIBUTIONS,
  POLICIES,
  COMMITMENTS,
  recognitionRoster.schema,
].join('\n');
