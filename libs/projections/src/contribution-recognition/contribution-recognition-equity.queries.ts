import type Database from 'better-sqlite3';
import { roundedRatio } from '../projection-kit';
import type { ValuationPolicyState } from '@cohesion/domain';
import { cachedStatement, whereAll } from '../sql-kit';
import {
  filterView,
  type RecognitionFilter,
  tallyContributions,
} from './contribution-recognition-reports.queries';
import { hasContributions } from './contribution-recognition.queries';
import { recognitionRoster } from './contribution-recognition.schema';
import type {
  EquityPartnerView,
  GiniPopulation,
  GiniPopulationView,
  PartnershipEquityView,
} from './contribution-recognition.views';
import { gini } from './gini';
import { shareOf } from './recognition-totals';
import { valuerFor } from './valuation';

/** The equity report's filter: which contributions count, and whose values the Gini is of. */
export interface EquityFilter extends RecognitionFilter {
  readonly giniOver?: GiniPopulation;
}

/**
 * Each partner's share of what was given (by value) beside its share of what was promised
 * (commitments not withdrawn, due in the period) and of the responsibilities it holds now, with
 * the Gini coefficient of the values across the partners listed (current members, and anyone
 * who gave or committed in the period; those who gave nothing valued count as 0) or, with
 * `giniOver: 'contributors'`, across those who gave something valued. The answer says which, and
 * how many values it is of. Undefined for an unknown partnership.
 */
export function partnershipEquity(
  db: Database.Database,
  partnershipId: string,
  { giniOver = 'listed', ...filter }: EquityFilter,
  policy: ValuationPolicyState | undefined,
): PartnershipEquityView | undefined {
  const partnership = recognitionRoster.partnership(db, partnershipId);
  if (!partnership && !hasContributions(db, partnershipId)) return undefined;
  const valuer = valuerFor(policy);
  const { total, partners } = tallyContributions(db, { ...filter, partnershipId }, valuer);
  const commitments = commitmentsPerPartner(db, partnershipId, filter);
  const roster = new Map(
    recognitionRoster.partnersOf(db, partnershipId).map((p) => [p.partnerId, p]),
  );
  const members = [...roster.values()].filter((p) => p.member).map((p) => p.partnerId);
  const partnerIds = [...new Set([...members, ...partners.keys(), ...commitments.keys()])].sort();
  const totalCommitments = [...commitments.values()].reduce((n, count) => n + count, 0);
  const responsibilitiesOf = (partnerId: string) => {
    const member = roster.get(partnerId);
    return member?.member ? member.responsibilities : [];
  };
  const totalResponsibilities = partnerIds.reduce((n, id) => n + responsibilitiesOf(id).length, 0);
  const totalValueCents = total.valueCents;
  const entries: EquityPartnerView[] = partnerIds.map((partnerId) => {
    const valueCents =
      totalValueCents === null ? null : (partners.get(partnerId)?.totals.valueCents ?? 0);
    const contributionShare = shareOf(valueCents, totalValueCents);
    const committed = commitments.get(partnerId) ?? 0;
    const commitmentShare = shareOf(committed, totalCommitments);
    const responsibilities = responsibilitiesOf(partnerId);
    return {
      partnerId,
      name: roster.get(partnerId)?.name ?? null,
      member: roster.get(partnerId)?.member ?? false,
      valueCents,
      contributionShare,
      commitments: committed,
      commitmentShare,
      responsibilities,
      responsibilityShare: shareOf(responsibilities.length, totalResponsibilities),
      balance:
        contributionShare === null || commitmentShare === null
          ? null
          : roundedRatio(contributionShare - commitmentShare),
    };
  });
  return {
    partnershipId,
    name: partnership?.name ?? null,
    filter: filterView(filter),
    valuation: valuer.valuation,
    totalValueCents,
    ...giniOf(entries, totalValueCents === null ? undefined : giniOver),
    partners: entries,
    ratesUsed: valuer.ratesUsed(),
  };
}

function commitmentsPerPartner(
  db: Database.Database,
  partnershipId: string,
  { from, to }: RecognitionFilter,
): Map<string, number> {
  const conditions = ['partnership_id = @partnershipId', 'withdrawn = 0'];
  if (from !== undefined) conditions.push('due_date >= @from');
  if (to !== undefined) conditions.push('due_date <= @to');
  const rows = cachedStatement(
    db,
    `SELECT partner_id AS partnerId, count(*) AS commitments
     FROM contribution_recognition_commitments ${whereAll(conditions)} GROUP BY partner_id`,
  ).all({ partnershipId, from, to }) as { partnerId: string; commitments: number }[];
  return new Map(rows.map((row) => [row.partnerId, row.commitments]));
}

function giniOf(
  entries: readonly EquityPartnerView[],
  over: GiniPopulation | undefined,
): { gini: number | null; giniPopulation: GiniPopulationView | null } {
  if (over === undefined) return { gini: null, giniPopulation: null };
  const values = entries.map((entry) => entry.valueCents ?? 0);
  const counted = over === 'listed' ? values : values.filter((value) => value > 0);
  return {
    gini: gini(counted),
    giniPopulation: {
      over,
      partners: counted.length,
      zeros: counted.filter((value) => value === 0).length,
    },
  };
}
