import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ValuationPolicyState } from '@cohesion/domain';
import {
  type ContributionFilter,
  joinedPartnershipIds,
  partnershipExists,
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

export class PartnershipRecognitionQuery extends RecognitionReportQuery<PartnershipRecognitionView> {}
export class PartnerRecognitionQuery extends RecognitionReportQuery<PartnerRecognitionReportView> {}
export class PartnershipEquityQuery extends RecognitionReportQuery<PartnershipEquityView> {}

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
    const valuer = valuerFor(valuationPolicyFor(db, policyId));
    const key = cursorKey(page.cursor, ['string', 'number']);
    const after = key && { date: key[0], position: key[1] };
    const rows = listContributions(
      db,
      { ...filter, ...scope },
      { after, limit: page.limit },
      valuer,
    );
    return pageOf(rows, page.limit, (row) => [row.date, row.position]);
  }
}

type Report<T> = (
  db: Database.Database,
  id: string,
  filter: RecognitionFilter,
  policy: ValuationPolicyState | undefined,
) => T | undefined;

/** Whom a report is of: who may see it, whether it exists now, which partnerships it concerns. */
interface Subject {
  visible(db: Database.Database, viewer: Principal, id: string): boolean;
  known(db: Database.Database, id: string): boolean;
  partnerships(id: string): PartnershipsRead;
}
const ofPartnership: Subject = {
  visible: seesPartnership,
  known: partnershipExists,
  partnerships: thePartnership,
};
const ofPartner: Subject = {
  visible: (_db, viewer, partnerId) => seesPartner(viewer, partnerId),
  known: (db, partnerId) => joinedPartnershipIds(db, partnerId).length > 0,
  partnerships: partnershipsOfPartner,
};

/**
 * Runs a report, at the moment asked; 404 when it knows nothing of the partnership or partner,
 * and, so that nothing can be probed, when the viewer may not see it (checked first, on the
 * present: the past of what one may not see is not replayed).
 */
async function answer<T>(
  [live, at]: [Database.Database, PointInTimeReads],
  report: Report<T>,
  query: RecognitionReportQuery<T>,
  subject: Subject,
): Promise<T> {
  const unknown = () => notFound(`Nothing is known of ${query.id} ${momentText(query.moment)}`);
  if (!subject.visible(live, query.viewer, query.id)) {
    throw subject.known(live, query.id) ? concealing(unknown()) : unknown();
  }
  const db = await at.of(query.moment, subject.partnerships(query.id));
  const result = report(db, query.id, query.filter, valuationPolicyFor(db, query.policyId));
  if (!result) throw unknown();
  return result;
}

@QueryHandler(PartnershipRecognitionQuery)
export class PartnershipRecognitionHandler
  implements IQueryHandler<PartnershipRecognitionQuery, PartnershipRecognitionView>
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
  implements IQueryHandler<PartnerRecognitionQuery, PartnerRecognitionReportView>
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
  implements IQueryHandler<PartnershipEquityQuery, PartnershipEquityView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  execute(query: PartnershipEquityQuery) {
    return answer([this.db, this.at], partnershipEquity, query, ofPartnership);
  }
}
