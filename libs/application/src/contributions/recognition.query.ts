import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ValuationPolicyState } from '@cohesion/domain';
import {
  type ChosenValuationView,
  type ContributionFilter,
  type ContributionOrder,
  joinedPartnershipIds,
  partnershipExists,
  listContributions,
  listValuationPolicies,
  loadValuationPolicy,
  type PartnerRecognitionReportView,
  type PartnershipEquityView,
  type PartnershipRecognitionView,
  partnerRecognition,
  partnershipEquity,
  partnershipRecognition,
  type RecognisedContributionView,
  type RecognitionFilter,
  partnershipDefaultValuationPolicy,
  type ValuationChoice,
  type ValuationView,
  valuerFor,
} from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { scopedPartnerships, seesPartner, seesPartnership } from '../access/read-scope';
import type { Principal } from '../access/principal';
import {
  type Moment,
  momentText,
  type PartnershipsRead,
  partnershipsOfList,
  partnershipsOfPartner,
  type PointInTimeReads,
  ReadModelsAt,
  thePartnership,
} from '../read-models';
import { concealing, invalidRequest, notFound } from '../errors';

export const DEFAULT_POLICY_ID = 'default';

/** A policy to value with, as it stands now, and why that one. */
export interface ChosenPolicy {
  readonly policy: ValuationPolicyState;
  readonly chosenBy: ValuationChoice;
}

/** Policies named in the problem that asks for one: enough to pick from, bounded. */
const POLICIES_SUGGESTED = 5;

/**
 * The policy to value with: the one named (404 when unknown), else the partnership's default,
 * else the ledger-wide `default`; undefined when none of those applies.
 */
export function chosenValuationPolicy(
  db: Database.Database,
  policyId: string | undefined,
  partnershipId?: string,
): ChosenPolicy | undefined {
  if (policyId !== undefined) {
    const named = loadValuationPolicy(db, policyId);
    if (!named) throw notFound(`No valuation policy ${policyId} is defined`);
    return { policy: named, chosenBy: 'named' };
  }
  const partnershipDefault =
    partnershipId === undefined ? undefined : partnershipDefaultValuationPolicy(db, partnershipId);
  const ownDefault = partnershipDefault && loadValuationPolicy(db, partnershipDefault);
  if (ownDefault) return { policy: ownDefault, chosenBy: 'partnership-default' };
  const ledgerDefault = loadValuationPolicy(db, DEFAULT_POLICY_ID);
  if (ledgerDefault) return { policy: ledgerDefault, chosenBy: 'ledger-default' };
  return undefined;
}

/**
 * The policy a report values with (see `chosenValuationPolicy`). When none is chosen but policies
 * are defined, the report's question is ambiguous: 400, naming some. With no policy defined at
 * all, quantities are reported without value.
 */
export function valuationPolicyFor(
  db: Database.Database,
  policyId: string | undefined,
  partnershipId?: string,
): ChosenPolicy | undefined {
  const chosen = chosenValuationPolicy(db, policyId, partnershipId);
  if (chosen) return chosen;
  const defined = listValuationPolicies(db, { limit: POLICIES_SUGGESTED });
  if (defined.length === 0) return undefined;
  const named = defined.slice(0, POLICIES_SUGGESTED).map((policy) => policy.policyId);
  const more = defined.length > POLICIES_SUGGESTED ? ', …' : '';
  const where = partnershipId === undefined ? '' : ` for ${partnershipId}`;
  throw invalidRequest(
    `No valuation policy is chosen${where}: name one with policyId (defined: ` +
      `${named.join(', ')}${more}; see GET /valuation-policies), set the partnership's default ` +
      `(POST /partnerships/:id/default-valuation-policy), or define a policy named ${DEFAULT_POLICY_ID}`,
  );
}

/** A report's answer, its valuation saying which policy and why. */
export type Valued<T extends { readonly valuation: ValuationView | null }> = Omit<
  T,
  'valuation'
> & { readonly valuation: ChosenValuationView | null };

function valued<T extends { readonly valuation: ValuationView | null }>(
  report: T,
  chosen: ChosenPolicy | undefined,
): Valued<T> {
  const { valuation } = report;
  return {
    ...report,
    valuation: valuation && chosen ? { ...valuation, chosenBy: chosen.chosenBy } : null,
  };
}

export class ListContributionsQuery extends Query<Page<RecognisedContributionView>> {
  constructor(
    readonly filter: ContributionFilter,
    readonly policyId: string | undefined,
    readonly page: {
      readonly limit: number;
      readonly cursor?: string;
      readonly order?: ContributionOrder;
    },
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

/** A report of one partnership or one partner, under a policy, for a period and kind. */
abstract class RecognitionReportQuery<T> extends Query<T> {
  constructor(
    readonly id: string,
    readonly filter: RecognitionFilter,
    readonly policyId: string | undefined,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

export class PartnershipRecognitionQuery extends RecognitionReportQuery<
  Valued<PartnershipRecognitionView>
> {}
export class PartnerRecognitionQuery extends RecognitionReportQuery<
  Valued<PartnerRecognitionReportView>
> {}
export class PartnershipEquityQuery extends RecognitionReportQuery<Valued<PartnershipEquityView>> {}

@QueryHandler(ListContributionsQuery)
export class ListContributionsHandler
  implements IQueryHandler<ListContributionsQuery, Page<RecognisedContributionView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({ filter, policyId, page, viewer, moment }: ListContributionsQuery) {
    const scope = scopedPartnerships(this.db, viewer, filter.partnershipId);
    const db = await this.at.of(moment, partnershipsOfList(scope));
    // A list finds contributions: it values them when a policy is chosen, and never refuses.
    const chosen = chosenValuationPolicy(db, policyId, filter.partnershipId);
    const valuer = valuerFor(chosen?.policy);
    const key = cursorKey(page.cursor, ['string', 'number']);
    const after = key && { date: key[0], position: key[1] };
    const window = { after, limit: page.limit, order: page.order };
    const rows = listContributions(db, { ...filter, ...scope }, window, valuer);
    return pageOf(rows, page.limit, (row) => [row.date, row.position]);
  }
}

type Report<T> = (
  db: Database.Database,
  id: string,
  filter: RecognitionFilter,
  policy: ValuationPolicyState | undefined,
) => T | undefined;

/**
 * Whom a report is of: who may see it, whether it exists now, which partnerships its past
 * replays, and the partnership whose default policy values it (none for a partner's report).
 */
interface Subject {
  visible(db: Database.Database, viewer: Principal, id: string): boolean;
  known(db: Database.Database, id: string): boolean;
  partnerships(id: string): PartnershipsRead;
  partnershipOf(id: string): string | undefined;
}
const ofPartnership: Subject = {
  visible: seesPartnership,
  known: partnershipExists,
  partnerships: thePartnership,
  partnershipOf: (partnershipId) => partnershipId,
};
const ofPartner: Subject = {
  visible: (_db, viewer, partnerId) => seesPartner(viewer, partnerId),
  known: (db, partnerId) => joinedPartnershipIds(db, partnerId).length > 0,
  partnerships: partnershipsOfPartner,
  partnershipOf: () => undefined,
};

/**
 * Runs a report, at the moment asked; 404 when it knows nothing of the partnership or partner,
 * and, so that nothing can be probed, when the viewer may not see it (checked first, on the
 * present: the past of what one may not see is not replayed, nor its default policy chosen).
 */
async function answer<T extends { readonly valuation: ValuationView | null }>(
  [live, at]: [Database.Database, PointInTimeReads],
  report: Report<T>,
  query: RecognitionReportQuery<Valued<T>>,
  subject: Subject,
): Promise<Valued<T>> {
  const unknown = () => notFound(`Nothing is known of ${query.id} ${momentText(query.moment)}`);
  if (!subject.visible(live, query.viewer, query.id)) {
    throw subject.known(live, query.id) ? concealing(unknown()) : unknown();
  }
  const db = await at.of(query.moment, subject.partnerships(query.id));
  const chosen = valuationPolicyFor(db, query.policyId, subject.partnershipOf(query.id));
  const result = report(db, query.id, query.filter, chosen?.policy);
  if (!result) throw unknown();
  return valued(result, chosen);
}

@QueryHandler(PartnershipRecognitionQuery)
export class PartnershipRecognitionHandler
  implements IQueryHandler<PartnershipRecognitionQuery, Valued<PartnershipRecognitionView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  execute(query: PartnershipRecognitionQuery) {
    return answer([this.db, this.at], partnershipRecognition, query, ofPartnership);
  }
}

@QueryHandler(PartnerRecognitionQuery)
export class PartnerRecognitionHandler
  implements IQueryHandler<PartnerRecognitionQuery, Valued<PartnerRecognitionReportView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  execute(query: PartnerRecognitionQuery) {
    return answer([this.db, this.at], partnerRecognition, query, ofPartner);
  }
}

@QueryHandler(PartnershipEquityQuery)
export class PartnershipEquityHandler
  implements IQueryHandler<PartnershipEquityQuery, Valued<PartnershipEquityView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  execute(query: PartnershipEquityQuery) {
    return answer([this.db, this.at], partnershipEquity, query, ofPartnership);
  }
}
