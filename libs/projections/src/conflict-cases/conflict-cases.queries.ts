import type Database from 'better-sqlite3';
import { cachedStatement, type Condition, fromJsonColumn, keysetList, when } from '../sql-kit';
import { CASE_STATUSES, type CaseState } from './conflict-case-state';

/** `open` and `closed` group the statuses; any single status may be asked for too. */
export const CASE_STATUS_FILTERS = ['open', 'closed', ...CASE_STATUSES] as const;
export type CaseStatusFilter = (typeof CASE_STATUS_FILTERS)[number];

/** A case: its current (compact) state, flat, with its dates. */
export interface ConflictCase extends CaseState {
  readonly conflictId: string;
  readonly open: boolean;
  readonly raisedAt: string;
  readonly resolvedAt: string | null;
  /** When it was resolved, escalated or withdrawn. */
  readonly closedAt: string | null;
  /** From raised to resolved; null unless resolved. */
  readonly timeToResolutionMs: number | null;
  readonly updatedAt: string;
  /** Revision of the case's stream the case reflects (its last event). */
  readonly revision: number;
  /** Paging key: the log position of the raise. */
  readonly seq: number;
}

export interface ConflictCasesFilter {
  readonly partnershipId?: string;
  readonly status?: CaseStatusFilter;
  /** The raiser or a party raised against. */
  readonly party?: string;
  /** The mediator assigned to the case. */
  readonly mediator?: string;
  /**
   * Only the cases this reader may see: those where the partner is the raiser or a party, or the
   * person is the accepted or proposed mediator (a reader's scope; both may be given).
   */
  readonly visibleTo?: { readonly partnerId?: string; readonly mediator?: string };
  /** The `seq` of the last case of the previous page. */
  readonly after?: number;
  readonly limit: number;
}

interface CaseRow {
  conflict_id: string;
  seq: number;
  open: number;
  raised_at: string;
  resolved_at: string | null;
  closed_at: string | null;
  time_to_resolution_ms: number | null;
  updated_at: string;
  revision: number;
  state: string;
}

function caseOf(row: CaseRow): ConflictCase {
  return {
    conflictId: row.conflict_id,
    ...fromJsonColumn<CaseState>(row.state),
    open: row.open === 1,
    raisedAt: row.raised_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    timeToResolutionMs: row.time_to_resolution_ms,
    updatedAt: row.updated_at,
    revision: row.revision,
    seq: row.seq,
  };
}

const statusCondition = (status: CaseStatusFilter | undefined): Condition | undefined => {
  if (status === 'open' || status === 'closed') return ['c.open = ?', status === 'open' ? 1 : 0];
  return when(status, (caseStatus) => ['c.status = ?', caseStatus]);
};

/** `limit + 1` cases in the order raised, after `after`, filtered. */
export function listConflictCases(
  db: Database.Database,
  filter: ConflictCasesFilter,
): ConflictCase[] {
  const byParty = filter.party !== undefined;
  const rows = keysetList<CaseRow>(db, {
    select: 'c.*',
    from: byParty
      ? 'conflict_cases_parties p JOIN conflict_cases_cases c USING (conflict_id)'
      : 'conflict_cases_cases c',
    key: byParty ? 'p.seq' : 'c.seq',
    filters: [
      when(filter.party, (party) => ['p.party_id = ?', party]),
      when(filter.partnershipId, (partnershipId) => ['c.partnership_id = ?', partnershipId]),
      when(filter.mediator, (mediator) => ['c.mediator_id = ?', mediator]),
      statusCondition(filter.status),
      when(filter.visibleTo, visibleToCondition),
    ],
    after: filter.after,
    limit: filter.limit,
  });
  return rows.map(caseOf);
}

type Reader = NonNullable<ConflictCasesFilter['visibleTo']>;

const visibleToCondition = ({ partnerId, mediator }: Reader): Condition => [
  `(EXISTS (SELECT 1 FROM conflict_cases_parties v
            WHERE v.party_id = ? AND v.conflict_id = c.conflict_id)
    OR c.mediator_id = ?
    OR json_extract(c.state, '$.pendingMediator.mediatorId') = ?)`,
  partnerId ?? null,
  mediator ?? null,
  mediator ?? null,
];

/**
 * How many cases of a partnership this reader may see (see `visibleTo`): that a case exists is
 * confidential to its parties and mediator, so a count must not tell more than the list would.
 */
export function countVisibleConflictCases(
  db: Database.Database,
  partnershipId: string,
  reader: Reader,
): number {
  const [condition, ...parameters] = visibleToCondition(reader);
  const row = cachedStatement(
    db,
    `SELECT count(*) AS cases FROM conflict_cases_cases c
     WHERE c.partnership_id = ? AND ${condition}`,
  ).get(partnershipId, ...parameters) as { cases: number };
  return row.cases;
}

export function findConflictCase(
  db: Database.Database,
  conflictId: string,
): ConflictCase | undefined {
  const row = cachedStatement(db, 'SELECT * FROM conflict_cases_cases WHERE conflict_id = ?').get(
    conflictId,
  ) as CaseRow | undefined;
  return row && caseOf(row);
}
