import type Database from 'better-sqlite3';
import type { ObjectiveStatus, ValuationPolicyState } from '@cohesion/domain';
import { type CommitmentFilter, listCommitments } from '../accountability/accountability.queries';
import type { CommitmentView } from '../accountability/accountability.views';
import {
  type ContributionTowardRow,
  contributionsToward,
  partnershipsContributedTo,
} from '../contribution-recognition/contribution-recognition.queries';
import { RecognitionTotals } from '../contribution-recognition/recognition-totals';
import { type Valuer, valuerFor } from '../contribution-recognition/valuation';
import { findIndicator } from '../impact/impact.queries';
import { cachedStatement } from '../sql-kit';
import { resultsChainRoster } from './results-chain.schema';
import type {
  CommitmentTowardView,
  IndicatorMovementView,
  ObjectiveHeadingView,
  ObjectiveResultsReportView,
  ObjectiveResultsView,
  PartnerObjectiveView,
  PartnerResultsChainView,
  PartnerResultsInPartnershipView,
  PartnershipResultsChainView,
} from './results-chain.views';

/** Every commitment asked for at once: a chain is read whole, never paged. */
const EVERY = { limit: Number.MAX_SAFE_INTEGER - 1 };

interface ObjectiveRow {
  objective_id: string;
  title: string;
  status: ObjectiveStatus;
  target_date: string | null;
}

const headingOf = (row: ObjectiveRow): ObjectiveHeadingView => ({
  objectiveId: row.objective_id,
  title: row.title,
  status: row.status,
  targetDate: row.target_date,
});

function objectivesOf(db: Database.Database, partnershipId: string): ObjectiveHeadingView[] {
  const rows = cachedStatement(
    db,
    `SELECT objective_id, title, status, target_date FROM results_chain_objectives
     WHERE partnership_id = ? ORDER BY position`,
  ).all(partnershipId) as ObjectiveRow[];
  return rows.map(headingOf);
}

/**
 * A partnership's contributions that count (reversed ones left out), by the commitment they
 * were recorded toward; those toward none under `null`.
 */
function contributionsByCommitment(
  db: Database.Database,
  filter: { readonly partnershipId: string; readonly partnerId?: string },
): Map<string | null, ContributionTowardRow[]> {
  const byCommitment = new Map<string | null, ContributionTowardRow[]>();
  for (const row of contributionsToward(db, filter)) {
    const rows = byCommitment.get(row.commitment_id) ?? [];
    rows.push(row);
    byCommitment.set(row.commitment_id, rows);
  }
  return byCommitment;
}

/** Commitments where whether they are overdue is not read (no day is asked about). */
const commitmentsOf = (db: Database.Database, filter: CommitmentFilter) =>
  listCommitments(db, filter, EVERY, NO_DAY);
const NO_DAY = '';

/** One partnership's chain, read once and served objective by objective. */
class PartnershipChain {
  private readonly commitments: CommitmentView[];
  private readonly contributions: Map<string | null, ContributionTowardRow[]>;
  private readonly partnerNames: Map<string, string>;

  constructor(
    private readonly db: Database.Database,
    private readonly partnershipId: string,
    private readonly valuer: Valuer,
    today: string,
  ) {
    this.commitments = listCommitments(db, { partnershipId }, EVERY, today);
    this.contributions = contributionsByCommitment(db, { partnershipId });
    this.partnerNames = new Map(
      resultsChainRoster.partnersOf(db, partnershipId).map((p) => [p.partnerId, p.name]),
    );
  }

  results(objective: ObjectiveHeadingView): ObjectiveResultsView {
    const valued = this.valuer.valuation !== null;
    const contributed = new RecognitionTotals(valued);
    const commitments = this.commitments
      .filter((commitment) => commitment.objectiveId === objective.objectiveId)
      .map((commitment): CommitmentTowardView => {
        const own = new RecognitionTotals(valued);
        for (const row of this.contributions.get(commitment.commitmentId) ?? []) {
          const value = this.valuer.value(row);
          own.add(row, value);
          contributed.add(row, value);
        }
        return {
          commitmentId: commitment.commitmentId,
          partnerId: commitment.partnerId,
          partnerName: this.partnerNames.get(commitment.partnerId) ?? null,
          what: commitment.what,
          quantity: commitment.quantity,
          unit: commitment.unit,
          dueDate: commitment.dueDate,
          status: commitment.status,
          overdue: commitment.overdue,
          delivered: commitment.confirmedQuantity,
          confirmedClaims: commitment.claims.confirmed,
          contributed: own.view(),
        };
      });
    return {
      ...objective,
      commitments,
      contributed: contributed.view(),
      indicators: indicatorsOf(this.db, this.partnershipId, objective.objectiveId),
    };
  }
}

function indicatorsOf(
  db: Database.Database,
  partnershipId: string,
  objectiveId: string,
): IndicatorMovementView[] {
  const ids = cachedStatement(
    db,
    `SELECT indicator_id FROM results_chain_indicators
     WHERE partnership_id = ? AND objective_id = ? ORDER BY indicator_id`,
  )
    .pluck()
    .all(partnershipId, objectiveId) as string[];
  return ids.flatMap((indicatorId) => {
    const indicator = findIndicator(db, indicatorId);
    if (!indicator) return [];
    const { latest } = indicator;
    return [
      {
        indicatorId,
        code: indicator.code,
        name: indicator.name,
        status: indicator.status,
        unit: indicator.unit,
        direction: indicator.direction,
        baseline: indicator.baseline,
        target: indicator.target,
        measurements: indicator.measurements,
        latest: latest && {
          measurementId: latest.measurementId,
          period: latest.period,
          value: latest.value,
        },
        progress: indicator.progress,
      },
    ];
  });
}

/**
 * Per objective of the partnership (in the order they were set): the commitments toward it, what
 * was delivered and contributed toward them (valued under `policy`), and how its indicators
 * moved. `today` decides what is overdue. Undefined for a partnership never founded.
 */
export function partnershipResultsChain(
  db: Database.Database,
  partnershipId: string,
  policy: ValuationPolicyState | undefined,
  today: string,
): PartnershipResultsChainView | undefined {
  const partnership = resultsChainRoster.partnership(db, partnershipId);
  if (!partnership) return undefined;
  const valuer = valuerFor(policy);
  const chain = new PartnershipChain(db, partnershipId, valuer, today);
  const objectives = objectivesOf(db, partnershipId).map((objective) => chain.results(objective));
  return {
    partnershipId,
    name: partnership.name,
    valuation: valuer.valuation,
    objectives,
    ratesUsed: valuer.ratesUsed(),
  };
}

/** One objective's chain; undefined when the partnership has no such objective. */
export function objectiveResults(
  db: Database.Database,
  partnershipId: string,
  objectiveId: string,
  policy: ValuationPolicyState | undefined,
  today: string,
): ObjectiveResultsReportView | undefined {
  const objective = objectivesOf(db, partnershipId).find((o) => o.objectiveId === objectiveId);
  if (!objective) return undefined;
  const valuer = valuerFor(policy);
  const results = new PartnershipChain(db, partnershipId, valuer, today).results(objective);
  return {
    partnershipId,
    partnershipName: resultsChainRoster.partnership(db, partnershipId)?.name ?? null,
    valuation: valuer.valuation,
    ...results,
    ratesUsed: valuer.ratesUsed(),
  };
}

/**
 * What a partner's contributions went toward, objective by objective (through the commitments
 * they were recorded toward), in every partnership it joined or gave to; undefined for a partner
 * never seen.
 */
export function partnerResultsChain(
  db: Database.Database,
  partnerId: string,
  policy: ValuationPolicyState | undefined,
): PartnerResultsChainView | undefined {
  const memberships = resultsChainRoster.membershipsOf(db, partnerId).map((m) => m.partnershipId);
  const partnershipIds = [
    ...new Set([...memberships, ...partnershipsContributedTo(db, partnerId)]),
  ].sort();
  if (partnershipIds.length === 0) return undefined;
  const valuer = valuerFor(policy);
  const overall = new RecognitionTotals(valuer.valuation !== null);
  const partnerships = partnershipIds.map((partnershipId) =>
    partnerInPartnership(db, partnershipId, partnerId, valuer, overall),
  );
  return {
    partnerId,
    valuation: valuer.valuation,
    totals: overall.view(),
    partnerships,
    ratesUsed: valuer.ratesUsed(),
  };
}

function partnerInPartnership(
  db: Database.Database,
  partnershipId: string,
  partnerId: string,
  valuer: Valuer,
  overall: RecognitionTotals,
): PartnerResultsInPartnershipView {
  const valued = valuer.valuation !== null;
  // Any commitment a contribution names, whoever made it, leads to that commitment's objective.
  const objectiveOf = new Map(
    commitmentsOf(db, { partnershipId }).map((c) => [c.commitmentId, c.objectiveId]),
  );
  const committed = commitmentsOf(db, { partnershipId, partnerId });
  const byObjective = new Map<string, RecognitionTotals>();
  const unlinked = new RecognitionTotals(valued);
  for (const [commitmentId, rows] of contributionsByCommitment(db, { partnershipId, partnerId })) {
    const objectiveId = commitmentId === null ? null : (objectiveOf.get(commitmentId) ?? null);
    let totals = unlinked;
    if (objectiveId !== null) {
      totals = byObjective.get(objectiveId) ?? new RecognitionTotals(valued);
      byObjective.set(objectiveId, totals);
    }
    for (const row of rows) {
      const value = valuer.value(row);
      totals.add(row, value);
      overall.add(row, value);
    }
  }
  const objectives = objectivesOf(db, partnershipId).flatMap(
    (objective): PartnerObjectiveView[] => {
      const commitmentIds = committed
        .filter((c) => c.objectiveId === objective.objectiveId)
        .map((c) => c.commitmentId);
      const totals = byObjective.get(objective.objectiveId);
      if (commitmentIds.length === 0 && !totals) return [];
      const contributed = (totals ?? new RecognitionTotals(valued)).view();
      return [{ ...objective, commitmentIds, contributed }];
    },
  );
  return {
    partnershipId,
    partnershipName: resultsChainRoster.partnership(db, partnershipId)?.name ?? null,
    objectives,
    unlinked: unlinked.view(),
  };
}
