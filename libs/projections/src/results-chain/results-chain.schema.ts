import { partnerRoster } from '../projection-kit';

/** Partnerships and partners, so that the chain names who committed and whose report it is. */
export const resultsChainRoster = partnerRoster('results_chain');

/**
 * The links of the chain that no other read model keeps: each objective as it stands, and the
 * indicators that measure one. Commitments (with their objective), contributions and measurements
 * are read from the accountability, contribution recognition and impact read models at query
 * time, so that none of them is kept twice.
 */
const LINKS = `
  CREATE TABLE results_chain_objectives (
    partnership_id TEXT    NOT NULL,
    objective_id   TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    target_date    TEXT,
    PRIMARY KEY (partnership_id, objective_id)
  ) STRICT;
  CREATE TABLE results_chain_indicators (
    indicator_id   TEXT    PRIMARY KEY,
    partnership_id TEXT    NOT NULL,
    objective_id   TEXT    NOT NULL
  ) STRICT;
  CREATE INDEX results_chain_indicators_by_objective
    ON results_chain_indicators (partnership_id, objective_id, indicator_id);
`;

export const RESULTS_CHAIN_TABLES: readonly string[] = [
  'results_chain_objectives',
  'results_chain_indicators',
  ...resultsChainRoster.tables,
];

export const RESULTS_CHAIN_SCHEMA = [LINKS, resultsChainRoster.schema].join('\n');
