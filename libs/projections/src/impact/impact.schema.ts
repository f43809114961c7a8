/** Tables of the impact read model. JSON columns hold what the events carried, as written. */
export const IMPACT_TABLES = [
  'impact_partnerships',
  'impact_indicators',
  'impact_measurements',
  'impact_measurement_versions',
  'impact_feedback',
  'impact_feedback_tallies',
] as const;

export const IMPACT_SCHEMA = `
CREATE TABLE impact_partnerships (
  partnership_id TEXT PRIMARY KEY
) STRICT;

CREATE TABLE impact_indicators (
  indicator_id          TEXT    PRIMARY KEY,
  partnership_id        TEXT    NOT NULL,
  code                  TEXT    NOT NULL,
  name                  TEXT    NOT NULL,
  unit                  TEXT    NOT NULL,
  baseline_value        REAL    NOT NULL,
  baseline_date         TEXT    NOT NULL,
  target_value          REAL    NOT NULL,
  target_date           TEXT    NOT NULL,
  direction             TEXT    NOT NULL,
  frequency             TEXT    NOT NULL,
  dimensions            TEXT    NOT NULL,
  status                TEXT    NOT NULL,
  retirement_reason     TEXT,
  retired_at            TEXT,
  defined_at            TEXT    NOT NULL,
  revision              INTEGER NOT NULL,
  measurements          INTEGER NOT NULL,
  latest_measurement_id TEXT,
  latest_period_to      TEXT
) STRICT;
CREATE INDEX impact_indicators_by_partnership ON impact_indicators (partnership_id, indicator_id);
CREATE INDEX impact_indicators_by_status ON impact_indicators (status, indicator_id);

CREATE TABLE impact_measurements (
  indicator_id          TEXT    NOT NULL,
  measurement_id        TEXT    NOT NULL,
  period_from           TEXT    NOT NULL,
  period_to             TEXT    NOT NULL,
  value                 REAL    NOT NULL,
  disaggregation        TEXT    NOT NULL,
  source                TEXT    NOT NULL,
  means_of_verification TEXT    NOT NULL,
  corrections           INTEGER NOT NULL,
  recorded_at           TEXT    NOT NULL,
  backfill_reason       TEXT,
  corrected_at          TEXT,
  PRIMARY KEY (indicator_id, measurement_id)
) STRICT;
CREATE INDEX impact_measurements_by_period ON impact_measurements (indicator_id, period_from);

CREATE TABLE impact_measurement_versions (
  indicator_id   TEXT    NOT NULL,
  measurement_id TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  value          REAL    NOT NULL,
  disaggregation TEXT    NOT NULL,
  reason         TEXT,
  recorded_at    TEXT    NOT NULL,
  recorded_by    TEXT    NOT NULL,
  PRIMARY KEY (indicator_id, measurement_id, version)
) STRICT;

CREATE TABLE impact_feedback (
  feedback_id         TEXT    PRIMARY KEY,
  partnership_id      TEXT    NOT NULL,
  subject_kind        TEXT    NOT NULL,
  subject_id          TEXT,
  rating              INTEGER,
  text                TEXT    NOT NULL,
  channel             TEXT    NOT NULL,
  submitter_category  TEXT    NOT NULL,
  has_contact         INTEGER NOT NULL,
  status              TEXT    NOT NULL,
  submitted_at        TEXT    NOT NULL,
  submitted_on        TEXT    NOT NULL,
  backfill_reason     TEXT,
  submitted_position  INTEGER NOT NULL UNIQUE,
  acknowledged_at     TEXT,
  acknowledged_by     TEXT,
  acted_on_at         TEXT,
  acted_on_by         TEXT,
  action              TEXT,
  action_references   TEXT
) STRICT;
CREATE INDEX impact_feedback_by_partnership ON impact_feedback (partnership_id, submitted_position);
CREATE INDEX impact_feedback_by_status ON impact_feedback (status, submitted_position);

CREATE TABLE impact_feedback_tallies (
  partnership_id TEXT    NOT NULL,
  facet          TEXT    NOT NULL,
  value          TEXT    NOT NULL,
  count          INTEGER NOT NULL,
  PRIMARY KEY (partnership_id, facet, value)
) STRICT;
`;
