import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ValuationPolicyState } from '@cohesion/domain';
import {
  type ChosenValuationView,
  type ContributionFilter,
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
 * else the ledger-wide `default`. When none of those applies but policies are defined, the
 * question is ambiguous (400, naming some); with no policy defined at all, quantities are
 * reported without value.
 */
export function valuationPolicyFor(
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
    readonly page: { readonly limit: number; readonly cursor?: string },
    readonly viewer: Principal,
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
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filter, policyId, page, viewer }: ListContributionsQuery) {
    const scoped = { ...filter, ...scopedPartnerships(this.db, viewer, filter.partnershipId) };
    const chosen = valuationPolicyFor(this.db, policyId, filter.partnershipId);
    const valuer = valuerFor(chosen?.policy);
    const key = cursorKey(page.cursor, ['string', 'number']);
    const after = key && { date: key[0], position: key[1] };
    const rows = listContributions(this.db, scoped, { after, limit: page.limit }, valuer);
    return Promise.resolve(pageOf(rows, page.limit, (row) => [row.date, row.position]));
  }
}

type Report<T> = (
  db: Database.Database,
  id: string,
  filter: RecognitionFilter,
  policy: ValuationPolicyState | undefined,
) => T | undefined;

/** Whether the viewer may see the report of this partnership or partner. */
type Visible = (db: Database.Database, viewer: Principal, id: string) => boolean;

/** The partnership whose default policy a report values with: none for a partner's report. */
type PartnershipOf = (id: string) => string | undefined;
const itself: PartnershipOf = (partnershipId) => partnershipId;
const noPartnership: PartnershipOf = () => undefined;
const partnershipVisible: Visible = seesPartnership;
const partnerVisible: Visible = (_db, viewer, partnerId) => seesPartner(viewer, partnerId);

/**
 * Runs a report; 404 when it knows nothing of the partnership or partner, and, so that nothing
 * can be probed, when the viewer may not see it.
 */
function answer<T extends { readonly valuation: ValuationView | null }>(
  db: Database.Database,
  report: Report<T>,
  query: RecognitionReportQuery<Valued<T>>,
  visible: Visible,
  partnershipOf: PartnershipOf,
): Promise<Valued<T>> {
  const unknown = () => notFound(`Nothing is known of ${query.id}`);
  // Before choosing a policy, so that a report one may not see says nothing of its default.
  if (!visible(db, query.viewer, query.id)) {
    if (!report(db, query.id, query.filter, undefined)) throw unknown();
    throw concealing(unknown());
  }
  const chosen = valuationPolicyFor(db, query.policyId, partnershipOf(query.id));
  const result = report(db, query.id, query.filter, chosen?.policy);
  if (!result) throw unknown();
  return Promise.resolve(valued(result, chosen));
}

@QueryHandler(PartnershipRecognitionQuery)
export class PartnershipRecognitionHandler
  implements IQueryHandler<PartnershipRecognitionQuery, Valued<PartnershipRecognitionView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute(query: PartnershipRecognitionQuery) {
    return answer(this.db, partnershipRecognition, query, partnershipVisible, itself);
  }
}

@QueryHandler(PartnerRecognitionQuery)
export class PartnerRecognitionHandler
  implements IQueryHandler<PartnerRecognitionQuery, Valued<PartnerRecognitionReportView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute(query: PartnerRecognitionQuery) {
    return answer(this.db, partnerRecognition, query, partnerVisible, noPartnership);
  }
}

@QueryHandler(PartnershipEquityQuery)
export class PartnershipEquityHandler
  implements IQueryHandler<PartnershipEquityQuery, Valued<PartnershipEquityView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute(query: PartnershipEquityQuery) {
    return answer(this.db, partnershipEquity, query, partnershipVisible, itself);
  }
}
