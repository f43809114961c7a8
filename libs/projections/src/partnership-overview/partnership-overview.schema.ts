/** Tables of the partnership overview. JSON columns hold what the events carried, as written. */
export const PARTNERSHIP_OVERVIEW_TABLES = [
  'partnership_overview_partnerships',
  'partnership_overview_partners',
  'partnership_overview_objectives',
  'partnership_overview_meetings',
] as const;

/** What the other aggregates' creation events add to a partnership's counts. */
export const COUNTED = ['commitments', 'contributions', 'agreements', 'conflicts'] as const;
export type Counted = (typeof COUNTED)[number];

export const PARTNERSHIP_OVERVIEW_SCHEMA = `
CREATE TABLE partnership_overview_partnerships (
  partnership_id      TEXT    PRIMARY KEY,
  name                TEXT    NOT NULL,
  purpose             TEXT    NOT NULL,
  territory           TEXT    NOT NULL,
  neighbourhoods      TEXT    NOT NULL,
  status              TEXT    NOT NULL,
  status_reason       TEXT,
  -- the valuation policy its contribution reports use when they name none
  default_valuation_policy_id TEXT,
  founded_at          TEXT    NOT NULL,
  founded_on          TEXT    NOT NULL,
  backfill_reason     TEXT,
  updated_at          TEXT    NOT NULL,
  revision            INTEGER NOT NULL,
  members             INTEGER NOT NULL DEFAULT 0,
  former_members      INTEGER NOT NULL DEFAULT 0,
  objectives_open     INTEGER NOT NULL DEFAULT 0,
  objectives_achieved INTEGER NOT NULL DEFAULT 0,
  objectives_retired  INTEGER NOT NULL DEFAULT 0,
  meetings            INTEGER NOT NULL DEFAULT 0,
  decisions           INTEGER NOT NULL DEFAULT 0,
  last_meeting_on     TEXT,
  commitments         INTEGER NOT NULL DEFAULT 0,
  contributions       INTEGER NOT NULL DEFAULT 0,
  agreements          INTEGER NOT NULL DEFAULT 0,
  conflicts           INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX partnership_overview_by_status
  ON partnership_overview_partnerships (status, partnership_id);
CREATE INDEX partnership_overview_by_territory
  ON partnership_overview_partnerships (territory, partnership_id);

CREATE TABLE partnership_overview_partners (
  partnership_id   TEXT    NOT NULL,
  partner_id       TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  role             TEXT    NOT NULL,
  responsibilities TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  joined_at        TEXT    NOT NULL,
  joined_on        TEXT    NOT NULL,
  backfill_reason  TEXT,
  joined_position  INTEGER NOT NULL,
  role_changed_at  TEXT,
  left_at          TEXT,
  left_reason      TEXT,
  PRIMARY KEY (partnership_id, partner_id)
) STRICT;

CREATE TABLE partnership_overview_objectives (
  partnership_id  TEXT    NOT NULL,
  objective_id    TEXT    NOT NULL,
  title           TEXT    NOT NULL,
  description     TEXT    NOT NULL,
  target_date     TEXT,
  status          TEXT    NOT NULL,
  set_at          TEXT    NOT NULL,
  set_on          TEXT    NOT NULL,
  backfill_reason TEXT,
  set_position    INTEGER NOT NULL,
  revisions       INTEGER NOT NULL DEFAULT 0,
  revised_at      TEXT,
  revision_reason TEXT,
  closed_at       TEXT,
  evidence        TEXT,
  retired_reason  TEXT,
  PRIMARY KEY (partnership_id, objective_id)
) STRICT;

CREATE TABLE partnership_overview_meetings (
  partnership_id TEXT    NOT NULL,
  meeting_id     TEXT    NOT NULL,
  held_on        TEXT    NOT NULL,
  attendees      TEXT    NOT NULL,
  decisions      TEXT    NOT NULL,
  notes          TEXT,
  recorded_at    TEXT    NOT NULL,
  backfill_reason TEXT,
  PRIMARY KEY (partnership_id, meeting_id)
) STRICT;
CREATE INDEX partnership_overview_meetings_by_date
  ON partnership_overview_meetings (partnership_id, held_on, meeting_id);
`;
