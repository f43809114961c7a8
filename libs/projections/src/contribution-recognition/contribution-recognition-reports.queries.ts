import type Database from 'better-sqlite3';
import type { ValuationPolicyState } from '@cohesion/domain';
import type { RosterPartner } from '../projection-kit';
import {
  type ContributionFilter,
  type ContributionRow,
  contributionsReversed,
  contributionsStanding,
  hasContributions,
  partnershipsContributedTo,
} from './contribution-recognition.queries';
import { recognitionRoster } from './contribution-recognition.schema';
import type {
  PartnerRecognitionReportView,
  PartnerRecognitionView,
  PartnershipRecognitionView,
  RecognitionFilterView,
  ReversedContributionView,
} from './contribution-recognition.views';
import { RecognitionTotals, shareOf } from './recognition-totals';
import { type Valuer, valuerFor } from './valuation';

/** The period (days given, inclusive) and kind the reports count. */
export type RecognitionFilter = Pick<ContributionFilter, 'from' | 'to' | 'kind'>;

/** What one partner gave in the contributions a report counts. */
export interface PartnerTally {
  readonly totals: RecognitionTotals;
  acknowledgementsReceived: number;
  acknowledgedContributions: number;
  readonly reversed: ReversedContributionView[];
}

export interface Tally {
  readonly total: RecognitionTotals;
  readonly partners: Map<string, PartnerTally>;
  /** By month of the day given (YYYY-MM), in date order. */
  readonly months: Map<string, RecognitionTotals>;
}

/** Adds up the contributions matching the filter, per partner; reversed ones are only listed. */
export function tallyContributions(
  db: Database.Database,
  filter: ContributionFilter,
  valuer: Valuer,
): Tally {
  const valued = valuer.valuation !== null;
  const total = new RecognitionTotals(valued);
  const partners = new Map<string, PartnerTally>();
  const months = new Map<string, RecognitionTotals>();
  const tallyOf = (partnerId: string): PartnerTally => {
    let tally = partners.get(partnerId);
    if (!tally) {
      tally = {
        totals: new RecognitionTotals(valued),
        acknowledgementsReceived: 0,
        acknowledgedContributions: 0,
        reversed: [],
      };
      partners.set(partnerId, tally);
    }
    return tally;
  };
  for (const row of contributionsStanding(db, filter)) {
    const tally = tallyOf(row.partner_id);
    const value = valuer.value(row);
    tally.totals.add(row, value);
    total.add(row, value);
    const month = row.date.slice(0, 7);
    let monthTotals = months.get(month);
    if (!monthTotals) {
      monthTotals = new RecognitionTotals(valued);
      months.set(month, monthTotals);
    }
    monthTotals.add(row, value);
    tally.acknowledgementsReceived += row.acknowledgements;
    if (row.acknowledgements > 0) tally.acknowledgedContributions += 1;
  }
  for (const row of contributionsReversed(db, filter)) {
    tallyOf(row.partner_id).reversed.push(reversedView(row));
  }
  return { total, partners, months };
}

/** Undefined for a partnership never founded and never given anything. */
export function partnershipRecognition(
  db: Database.Database,
  partnershipId: string,
  filter: RecognitionFilter,
  policy: ValuationPolicyState | undefined,
): PartnershipRecognitionView | undefined {
  const partnership = recognitionRoster.partnership(db, partnershipId);
  if (!partnership && !hasContributions(db, partnershipId)) return undefined;
  const valuer = valuerFor(policy);
  const { total, partners, months } = tallyContributions(db, { ...filter, partnershipId }, valuer);
  const roster = new Map(
    recognitionRoster.partnersOf(db, partnershipId).map((p) => [p.partnerId, p]),
  );
  const partnerIds = [...new Set([...roster.keys(), ...partners.keys()])].sort();
  return {
    partnershipId,
    name: partnership?.name ?? null,
    filter: filterView(filter),
    valuation: valuer.valuation,
    totals: total.view(),
    partners: partnerIds.map((partnerId) => ({
      partnerId,
      ...partnerEntry(roster.get(partnerId), partners.get(partnerId), total.valueCents, valuer),
    })),
    byMonth: [...months].map(([month, totals]) => ({ month, totals: totals.view() })),
    ratesUsed: valuer.ratesUsed(),
  };
}

/** A partner in every partnership it joined or gave to; undefined for an unknown partner. */
export function partnerRecognition(
  db: Database.Database,
  partnerId: string,
  filter: RecognitionFilter,
  policy: ValuationPolicyState | undefined,
): PartnerRecognitionReportView | undefined {
  const memberships = new Map(
    recognitionRoster.membershipsOf(db, partnerId).map((m) => [m.partnershipId, m]),
  );
  const partnershipIds = [
    ...new Set([...memberships.keys(), ...partnershipsContributedTo(db, partnerId)]),
  ].sort();
  if (partnershipIds.length === 0) return undefined;
  const valuer = valuerFor(policy);
  const overall = new RecognitionTotals(valuer.valuation !== null);
  const partnerships = partnershipIds.map((partnershipId) => {
    const own = tallyContributions(db, { ...filter, partnershipId, partnerId }, valuer);
    // The whole partnership, for the share: valued apart, so its rates are not the partner's.
    const whole = tallyContributions(db, { ...filter, partnershipId }, valuerFor(policy));
    const entry = partnerEntry(
      memberships.get(partnershipId),
      own.partners.get(partnerId),
      whole.total.valueCents,
      valuer,
    );
    overall.merge(entry.totals);
    return {
      partnershipId,
      partnershipName: recognitionRoster.partnership(db, partnershipId)?.name ?? null,
      ...entry,
    };
  });
  return {
    partnerId,
    filter: filterView(filter),
    valuation: valuer.valuation,
    totals: overall.view(),
    partnerships,
    ratesUsed: valuer.ratesUsed(),
  };
}

export function filterView({ from, to, kind }: RecognitionFilter): RecognitionFilterView {
  return { from: from ?? null, to: to ?? null, kind: kind ?? null };
}

function partnerEntry(
  member: RosterPartner | undefined,
  tally: PartnerTally | undefined,
  wholeCents: number | null,
  valuer: Valuer,
): Omit<PartnerRecognitionView, 'partnerId'> {
  const totals = (tally?.totals ?? new RecognitionTotals(valuer.valuation !== null)).view();
  return {
    name: member?.name ?? null,
    member: member?.member ?? false,
    totals,
    share: shareOf(totals.valueCents, wholeCents),
    acknowledgementsReceived: tally?.acknowledgementsReceived ?? 0,
    acknowledgedContributions: tally?.acknowledgedContributions ?? 0,
    reversed: tally?.reversed ?? [],
  };
}

function reversedView(row: ContributionRow): ReversedContributionView {
  return {
    contributionId: row.contribution_id,
    partnershipId: row.partnership_id,
    kind: row.kind,
    quantity: row.quantity,
    unit: row.unit,
    date: row.date,
    description: row.description,
    reversedAt: row.reversed_at,
    reason: row.reversal_reason,
  };
}
