import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ValuationPolicyState } from '@cohesion/domain';
import {
  type ContributionFilter,
  listContributions,
  loadValuationPolicy,
  type PartnerRecognitionReportView,
  type PartnershipEquityView,
  type PartnershipRecognitionView,
  partnerRecognition,
  partnershipEquity,
  partnershipRecognition,
  type RecognisedContributionView,
  type RecognitionFilter,
  valuerFor,
} from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { scopedPartnerships, seesPartner, seesPartnership } from '../access/read-scope';
import type { Principal } from '../access/principal';
import { concealing, notFound } from '../errors';

export const DEFAULT_POLICY_ID = 'default';

/**
 * The policy to value with, as it stands now: the one named (404 when unknown), else `default`
 * when it is defined; without any, quantities are reported without value.
 */
export function valuationPolicyFor(
  db: Database.Database,
  policyId: string | undefined,
): ValuationPolicyState | undefined {
  const policy = loadValuationPolicy(db, policyId ?? DEFAULT_POLICY_ID);
  if (!policy && policyId !== undefined)
    throw notFound(`No valuation policy ${policyId} is defined`);
  return policy;
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

export class PartnershipRecognitionQuery extends RecognitionReportQuery<PartnershipRecognitionView> {}
export class PartnerRecognitionQuery extends RecognitionReportQuery<PartnerRecognitionReportView> {}
export class PartnershipEquityQuery extends RecognitionReportQuery<PartnershipEquityView> {}

@QueryHandler(ListContributionsQuery)
export class ListContributionsHandler
  implements IQueryHandler<ListContributionsQuery, Page<RecognisedContributionView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filter, policyId, page, viewer }: ListContributionsQuery) {
    const scoped = { ...filter, ...scopedPartnerships(this.db, viewer, filter.partnershipId) };
    const valuer = valuerFor(valuationPolicyFor(this.db, policyId));
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
const partnershipVisible: Visible = seesPartnership;
const partnerVisible: Visible = (_db, viewer, partnerId) => seesPartner(viewer, partnerId);

/**
 * Runs a report; 404 when it knows nothing of the partnership or partner, and, so that nothing
 * can be probed, when the viewer may not see it.
 */
function answer<T>(
  db: Database.Database,
  report: Report<T>,
  query: RecognitionReportQuery<T>,
  visible: Visible,
) {
  const result = report(db, query.id, query.filter, valuationPolicyFor(db, query.policyId));
  const unknown = () => notFound(`Nothing is known of ${query.id}`);
  if (!result) throw unknown();
  if (!visible(db, query.viewer, query.id)) throw concealing(unknown());
  return Promise.resolve(result);
}

@QueryHandler(PartnershipRecognitionQuery)
export class PartnershipRecognitionHandler
  implements IQueryHandler<PartnershipRecognitionQuery, PartnershipRecognitionView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute(query: PartnershipRecognitionQuery) {
    return answer(this.db, partnershipRecognition, query, partnershipVisible);
  }
}

@QueryHandler(PartnerRecognitionQuery)
export class PartnerRecognitionHandler
  implements IQueryHandler<PartnerRecognitionQuery, PartnerRecognitionReportView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute(query: PartnerRecognitionQuery) {
    return answer(this.db, partnerRecognition, query, partnerVisible);
  }
}

@QueryHandler(PartnershipEquityQuery)
export class PartnershipEquityHandler
  implements IQueryHandler<PartnershipEquityQuery, PartnershipEquityView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute(query: PartnershipEquityQuery) {
    return answer(this.db, partnershipEquity, query, partnershipVisible);
  }
}
