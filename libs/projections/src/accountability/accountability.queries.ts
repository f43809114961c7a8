import type Database from 'better-sqlite3';
import {
  type CommitmentBeneficiary,
  CONTRIBUTION_KINDS,
  UNSPECIFIED_COMMITMENT_KIND,
} from '@cohesion/domain';
import { type BackfillMark, backfillMarkOf } from '../projection-kit';
import { cachedStatement, type PageWindow, whereAll } from '../sql-kit';
import type {
  CommitmentClaimView,
  CommitmentDetailView,
  CommitmentKindView,
  CommitmentStatusView,
  CommitmentView,
  StatusChangeView,
  TermsVersionView,
} from './accountability.views';

export const COMMITMENT_STATUSES: readonly CommitmentStatusView[] = [
  'made',
  'accepted',
  'in_progress',
  'fulfilled',
  'closed_partial',
  'released',
  'withdrawn',
];
/** A status, or `open` for any of made, accepted and in progress. */
export type CommitmentStatusFilter = CommitmentStatusView | 'open';
export const COMMITMENT_STATUS_FILTERS: readonly CommitmentStatusFilter[] = [
  ...COMMITMENT_STATUSES,
  'open',
];

export const COMMITMENT_KINDS: readonly CommitmentKindView[] = [
  ...CONTRIBUTION_KINDS,
  UNSPECIFIED_COMMITMENT_KIND,
];

/** Still to be delivered: what can be overdue. */
export const OPEN_STATUSES_SQL = "status IN ('made', 'accepted', 'in_progress')";

export interface CommitmentFilter {
  readonly partnershipId?: string;
  /** Only these partnerships (a reader's scope); none when empty. */
  readonly partnershipIn?: readonly string[];
  readonly partnerId?: string;
  readonly objectiveId?: string;
  readonly kind?: CommitmentKindView;
  readonly status?: CommitmentStatusFilter;
  /** Only the commitments overdue on this day (YYYY-MM-DD). */
  readonly overdueAsOf?: string;
}

/** After the `position` of the last commitment of the previous page. */
export type CommitmentPageRequest = PageWindow;

interface CommitmentRow {
  commitment_id: string;
  made_position: number;
  partnership_id: string;
  partner_id: string;
  objective_id: string | null;
  beneficiary_partner_id: string | null;
  beneficiary_group: string | null;
  kind: CommitmentKindView;
  what: string;
  due_date: string;
  quantity: number | null;
  unit: string | null;
  terms_version: number;
  status: CommitmentStatusView;
  accepted_by: string | null;
  confirmed_quantity: number;
  claims_pending: number;
  claims_confirmed: number;
  claims_disputed: number;
  made_at: string;
  made_on: string;
  backfill_reason: string | null;
  ended_at: string | null;
  ended_on: string | null;
  end_reason: string | null;
  delivered_on: string | null;
  fulfilled_on_time: number | null;
}

/**
 * Commitments matching the filter, in the order they were made, `limit + 1` of them after the
 * position `after`; `overdue` is derived for `asOf` (YYYY-MM-DD).
 */
export function listCommitments(
  db: Database.Database,
  filter: CommitmentFilter,
  page: CommitmentPageRequest,
  asOf: string,
): CommitmentView[] {
  const conditions: string[] = [];
  if (filter.partnershipId !== undefined) conditions.push('partnership_id = @partnershipId');
  if (filter.partnershipIn !== undefined)
    conditions.push('partnership_id IN (SELECT value FROM json_each(@partnershipIn))');
  if (filter.partnerId !== undefined) conditions.push('partner_id = @partnerId');
  if (filter.objectiveId !== undefined) conditions.push('objective_id = @objectiveId');
  if (filter.kind !== undefined) conditions.push('kind = @kind');
  if (filter.status === 'open') conditions.push(OPEN_STATUSES_SQL);
  else if (filter.status !== undefined) conditions.push('status = @status');
  if (filter.overdueAsOf !== undefined)
    conditions.push(`${OPEN_STATUSES_SQL} AND due_date < @overdueAsOf`);
  if (page.after !== undefined) conditions.push('made_position > @after');
  const rows = cachedStatement(
    db,
    `SELECT * FROM accountability_commitments ${whereAll(conditions)}
     ORDER BY made_position LIMIT @limit`,
  ).all({
    ...filter,
    partnershipIn: JSON.stringify(filter.partnershipIn ?? []),
    after: page.after,
    limit: page.limit + 1,
  }) as CommitmentRow[];
  return rows.map((row) => commitmentView(row, asOf));
}

/** One commitment with its terms history, evidence and status history; undefined if unknown. */
export function commitmentDetail(
  db: Database.Database,
  commitmentId: string,
  asOf: string,
): CommitmentDetailView | undefined {
  const row = cachedStatement(
    db,
    'SELECT * FROM accountability_commitments WHERE commitment_id = ?',
  ).get(commitmentId) as CommitmentRow | undefined;
  if (!row) return undefined;
  return {
    ...commitmentView(row, asOf),
    termsHistory: termsHistory(db, commitmentId),
    evidence: evidenceOf(db, commitmentId),
    statusHistory: statusHistory(db, commitmentId),
  };
}

/** Open with its due date passed on `asOf`, as the domain's `isCommitmentOverdue` says. */
export function isOverdue(status: CommitmentStatusView, dueDate: string, asOf: string): boolean {
  return (status === 'made' || status === 'accepted' || status === 'in_progress') && dueDate < asOf;
}

function commitmentView(row: CommitmentRow, asOf: string): CommitmentView {
  const beneficiary: CommitmentBeneficiary =
    row.beneficiary_partner_id !== null
      ? { kind: 'partner', partnerId: row.beneficiary_partner_id }
      : { kind: 'group', name: row.beneficiary_group ?? '' };
  return {
    commitmentId: row.commitment_id,
    position: row.made_position,
    partnershipId: row.partnership_id,
    partnerId: row.partner_id,
    objectiveId: row.objective_id,
    beneficiary,
    kind: row.kind,
    what: row.what,
    dueDate: row.due_date,
    quantity: row.quantity,
    unit: row.unit,
    termsVersion: row.terms_version,
    status: row.status,
    confirmedQuantity: row.confirmed_quantity,
    acceptedBy: row.accepted_by,
    madeAt: row.made_at,
    madeOn: row.made_on,
    ...backfillMarkOf(row.backfill_reason),
    endedAt: row.ended_at,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    deliveredOn: row.delivered_on,
    fulfilledOnTime: row.fulfilled_on_time === null ? null : row.fulfilled_on_time === 1,
    overdue: isOverdue(row.status, row.due_date, asOf),
    claims: {
      pending: row.claims_pending,
      confirmed: row.claims_confirmed,
      disputed: row.claims_disputed,
    },
  };
}

type Marked<T> = Omit<T, keyof BackfillMark> & { readonly backfillReason: string | null };
// The spread has every key of T: those of the row, and the mark in place of its reason.
const marked = <T extends BackfillMark>(row: Marked<T>): T =>
  ({ ...row, ...backfillMarkOf(row.backfillReason) }) as unknown as T;

function termsHistory(db: Database.Database, commitmentId: string): TermsVersionView[] {
  const rows = cachedStatement(
    db,
    `SELECT version, what, due_date AS dueDate, quantity, unit, amended_by AS amendedBy, reason,
       recorded_at AS recordedAt, effective_date AS effectiveDate, backfill_reason AS backfillReason
     FROM accountability_terms WHERE commitment_id = ? ORDER BY version`,
  ).all(commitmentId) as Marked<TermsVersionView>[];
  return rows.map(marked);
}

function evidenceOf(db: Database.Database, commitmentId: string): CommitmentClaimView[] {
  const rows = cachedStatement(
    db,
    `SELECT claim_id AS claimId, claimed_by AS claimedBy, evidence, quantity, unit, complete,
       contribution_id AS contributionId, status, claimed_at AS claimedAt,
       delivered_on AS deliveredOn, backfill_reason AS backfillReason,
       settled_by AS settledBy, settled_at AS settledAt, dispute_reason AS disputeReason
     FROM accountability_claims WHERE commitment_id = ? ORDER BY position`,
  ).all(commitmentId) as (Marked<Omit<CommitmentClaimView, 'complete'>> & { complete: number })[];
  return rows.map((row) => ({
    ...marked<Omit<CommitmentClaimView, 'complete'>>(row),
    complete: row.complete === 1,
  }));
}

function statusHistory(db: Database.Database, commitmentId: string): StatusChangeView[] {
  const rows = cachedStatement(
    db,
    `SELECT status_from AS "from", status_to AS "to", changed_by AS "by", actor, reason,
       recorded_at AS "at", effective_date AS effectiveDate, backfill_reason AS backfillReason,
       position
     FROM accountability_status_history WHERE commitment_id = ? ORDER BY position`,
  ).all(commitmentId) as Marked<StatusChangeView>[];
  return rows.map(marked);
}
