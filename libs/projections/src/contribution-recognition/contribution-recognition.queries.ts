import type Database from 'better-sqlite3';
import type { ContributionKind } from '@cohesion/domain';
import { backfillMarkOf } from '../projection-kit';
import { cachedStatement, type PageWindow, whereAll } from '../sql-kit';
import type {
  ContributionStatusView,
  RecognisedContributionView,
} from './contribution-recognition.views';
import type { Valuer } from './valuation';

export const CONTRIBUTION_STATUSES: readonly ContributionStatusView[] = [
  'recorded',
  'acknowledged',
  'reversed',
];

export interface ContributionFilter {
  readonly partnershipId?: string;
  /** Only these partnerships (a reader's scope); none when empty. */
  readonly partnershipIn?: readonly string[];
  readonly partnerId?: string;
  readonly kind?: ContributionKind;
  /** Given on or after this day (YYYY-MM-DD). */
  readonly from?: string;
  /** Given on or before this day. */
  readonly to?: string;
  readonly status?: ContributionStatusView;
}

/** In which order a list runs: by the day given, oldest first, or the latest first. */
export const CONTRIBUTION_ORDERS = ['given', 'latest'] as const;
export type ContributionOrder = (typeof CONTRIBUTION_ORDERS)[number];

/** After the date and position of the last contribution of the previous page, in its order. */
export type ContributionPageRequest = PageWindow<{
  readonly date: string;
  readonly position: number;
}> & { readonly order?: ContributionOrder };

export interface ContributionRow {
  contribution_id: string;
  position: number;
  partnership_id: string;
  partner_id: string;
  kind: ContributionKind;
  quantity: number;
  unit: string;
  date: string;
  description: string;
  commitment_id: string | null;
  status: ContributionStatusView;
  acknowledgements: number;
  recorded_at: string;
  backfill_reason: string | null;
  reversed_at: string | null;
  reversal_reason: string | null;
}

/**
 * Contributions matching the filter by date given (then recording order), or the latest first,
 * valued by `valuer`.
 */
export function listContributions(
  db: Database.Database,
  filter: ContributionFilter,
  page: ContributionPageRequest,
  valuer: Valuer,
): RecognisedContributionView[] {
  const latestFirst = page.order === 'latest';
  const conditions = conditionsOf(filter);
  if (page.after)
    conditions.push(`(date, position) ${latestFirst ? '<' : '>'} (@afterDate, @afterPosition)`);
  const rows = cachedStatement(
    db,
    `SELECT c.*, (SELECT json_group_array(acknowledged_by)
                  FROM contribution_recognition_acknowledgements a
                  WHERE a.contribution_id = c.contribution_id) AS acknowledged_by
     FROM contribution_recognition_contributions c ${whereAll(conditions)}
     ORDER BY ${latestFirst ? 'date DESC, position DESC' : 'date, position'} LIMIT @limit`,
  ).all({
    ...parametersOf(filter),
    afterDate: page.after?.date,
    afterPosition: page.after?.position,
    limit: page.limit + 1,
  }) as (ContributionRow & { acknowledged_by: string })[];
  return rows.map((row) => ({
    contributionId: row.contribution_id,
    position: row.position,
    partnershipId: row.partnership_id,
    partnerId: row.partner_id,
    kind: row.kind,
    quantity: row.quantity,
    unit: row.unit,
    date: row.date,
    description: row.description,
    commitmentId: row.commitment_id,
    status: row.status,
    acknowledgedBy: (JSON.parse(row.acknowledged_by) as string[]).sort(),
    recordedAt: row.recorded_at,
    ...backfillMarkOf(row.backfill_reason),
    reversedAt: row.reversed_at,
    reversalReason: row.reversal_reason,
    value: valuer.value(row),
  }));
}

/** What the reports add up of a contribution that stands (not reversed). */
export type StandingContributionRow = Pick<
  ContributionRow,
  'partner_id' | 'kind' | 'unit' | 'quantity' | 'date' | 'acknowledgements'
>;

/** A standing contribution as the results chain values it: toward which commitment, if any. */
export type ContributionTowardRow = Pick<
  ContributionRow,
  'commitment_id' | 'kind' | 'unit' | 'quantity' | 'date'
>;

const STANDING = "status != 'reversed'";

/**
 * Every contribution matching the filter that stands (not reversed), by date given, one row at a
 * time, for the reports that add them up: only the columns the partnership index covers, so a
 * partnership's are read from the index alone. Iterated synchronously to the end by its callers,
 * so nothing else waits on the connection.
 */
export function contributionsStanding(
  db: Database.Database,
  filter: ContributionFilter,
): IterableIterator<StandingContributionRow> {
  return byDateGiven(
    db,
    filter,
    'partner_id, kind, unit, quantity, date, acknowledgements',
    STANDING,
  ).iterate(parametersOf(filter)) as IterableIterator<StandingContributionRow>;
}

/** Every contribution matching the filter that stands, by date given, with its commitment. */
export function contributionsToward(
  db: Database.Database,
  filter: ContributionFilter,
): ContributionTowardRow[] {
  return byDateGiven(db, filter, 'commitment_id, kind, unit, quantity, date', STANDING).all(
    parametersOf(filter),
  ) as ContributionTowardRow[];
}

/** The reversed contributions matching the filter, whole, by date given: the reports list them. */
export function contributionsReversed(
  db: Database.Database,
  filter: ContributionFilter,
): ContributionRow[] {
  return byDateGiven(db, filter, '*', "status = 'reversed'").all(
    parametersOf(filter),
  ) as ContributionRow[];
}

/** The `columns` of the contributions matching the filter and `status`, by date given. */
function byDateGiven(
  db: Database.Database,
  filter: ContributionFilter,
  columns: string,
  status: string,
): Database.Statement {
  return cachedStatement(
    db,
    `SELECT ${columns} FROM contribution_recognition_contributions
     ${whereAll([...conditionsOf(filter), status])} ORDER BY date, position`,
  );
}

/** The partnerships a partner contributed to, by id. */
export function partnershipsContributedTo(db: Database.Database, partnerId: string): string[] {
  return cachedStatement(
    db,
    `SELECT DISTINCT partnership_id FROM contribution_recognition_contributions
       WHERE partner_id = ? ORDER BY partnership_id`,
  )
    .pluck()
    .all(partnerId) as string[];
}

export function hasContributions(db: Database.Database, partnershipId: string): boolean {
  return (
    cachedStatement(
      db,
      'SELECT 1 FROM contribution_recognition_contributions WHERE partnership_id = ? LIMIT 1',
    ).get(partnershipId) !== undefined
  );
}

/** The named parameters of a filter: the scope travels as a JSON array (bound once, any length). */
function parametersOf(filter: ContributionFilter) {
  return { ...filter, partnershipIn: JSON.stringify(filter.partnershipIn ?? []) };
}

function conditionsOf(filter: ContributionFilter): string[] {
  const conditions: string[] = [];
  if (filter.partnershipId !== undefined) conditions.push('partnership_id = @partnershipId');
  if (filter.partnershipIn !== undefined)
    conditions.push('partnership_id IN (SELECT value FROM json_each(@partnershipIn))');
  if (filter.partnerId !== undefined) conditions.push('partner_id = @partnerId');
  if (filter.kind !== undefined) conditions.push('kind = @kind');
  if (filter.from !== undefined) conditions.push('date >= @from');
  if (filter.to !== undefined) conditions.push('date <= @to');
  if (filter.status !== undefined) conditions.push('status = @status');
  return conditions;
}

/** A contribution recorded against a commitment whose claim there is not (yet) in the read models. */
export interface HandOff {
  readonly contributionId: string;
  readonly commitmentId: string;
  /** The log position of the contribution: sweeps go on from the last one seen. */
  readonly position: number;
  readonly recordedAt: string;
  /** Whether the commitment holds the contribution's fulfilment claim. */
  readonly claimed: boolean;
}

/**
 * The next `limit` contributions after the log position `after` that name a commitment and are
 * not reversed, in log order, each with whether its fulfilment claim is on that commitment: a
 * hand-off an interrupted request may have left undone has none (the claim is the second of two
 * appends). A page at a time, so that a sweep of a large ledger never holds the event loop long.
 */
export function handOffsAfter(
  db: Database.Database,
  window: { readonly after: number; readonly limit: number },
): HandOff[] {
  const rows = cachedStatement(
    db,
    `SELECT c.contribution_id AS contributionId, c.commitment_id AS commitmentId, c.position,
            c.recorded_at AS recordedAt,
            EXISTS (SELECT 1 FROM accountability_claims a
                    WHERE a.commitment_id = c.commitment_id
                      AND a.contribution_id = c.contribution_id) AS claimed
     FROM contribution_recognition_contributions c
     WHERE c.position > ? AND c.commitment_id IS NOT NULL AND c.status != 'reversed'
     ORDER BY c.position LIMIT ?`,
  ).all(window.after, window.limit) as Array<Omit<HandOff, 'claimed'> & { claimed: 0 | 1 }>;
  return rows.map((row) => ({ ...row, claimed: row.claimed === 1 }));
}
