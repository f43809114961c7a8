import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ValuationPolicyState } from '@cohesion/domain';
import {
  objectiveResults,
  type ObjectiveResultsReportView,
  partnerResultsChain,
  type PartnerResultsChainView,
  partnershipResultsChain,
  type PartnershipResultsChainView,
} from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { assertSeesPartnership, seesPartner } from '../access/read-scope';
import type { Principal } from '../access/principal';
import { concealing, notFound } from '../errors';
import { valuationPolicyFor } from '../contributions/recognition.query';
import {
  type Moment,
  momentText,
  partnershipsOfPartner,
  type PointInTimeReads,
  ReadModelsAt,
  thePartnership,
} from '../read-models';

/** A partnership's results chain, objective by objective, valued under a policy. */
export class PartnershipResultsChainQuery extends Query<PartnershipResultsChainView> {
  constructor(
    readonly partnershipId: string,
    readonly policyId: string | undefined,
    /** The day `overdue` is judged on. */
    readonly today: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

/** One objective's results chain. */
export class ObjectiveResultsQuery extends Query<ObjectiveResultsReportView> {
  constructor(
    readonly partnershipId: string,
    readonly objectiveId: string,
    readonly policyId: string | undefined,
    readonly today: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

/** What a partner's contributions went toward. */
export class PartnerResultsChainQuery extends Query<PartnerResultsChainView> {
  constructor(
    readonly partnerId: string,
    readonly policyId: string | undefined,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

/**
 * A partnership's report at the moment asked, valued under the policy its query names (else the
 * partnership's default): as the accountability and recognition reports, 404 for the unknown and
 * for what the viewer may not see, checked on the present before anything is replayed.
 */
async function inPartnershipAt<T>(
  [live, at]: [Database.Database, PointInTimeReads],
  query: {
    readonly partnershipId: string;
    readonly policyId: string | undefined;
    readonly viewer: Principal;
    readonly moment?: Moment;
  },
  unknown: () => Error,
  report: (db: Database.Database, policy: ValuationPolicyState | undefined) => T | undefined,
): Promise<T> {
  const { partnershipId, policyId, viewer, moment } = query;
  assertSeesPartnership(live, viewer, partnershipId, unknown);
  const db = await at.of(moment, thePartnership(partnershipId));
  const found = report(db, valuationPolicyFor(db, policyId, partnershipId)?.policy);
  if (found === undefined) throw unknown();
  return found;
}

@QueryHandler(PartnershipResultsChainQuery)
export class PartnershipResultsChainHandler
  implements IQueryHandler<PartnershipResultsChainQuery, PartnershipResultsChainView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  execute(query: PartnershipResultsChainQuery) {
    const unknown = () => notFound(`No partnership ${query.partnershipId} is known`);
    return inPartnershipAt([this.db, this.at], query, unknown, (db, policy) =>
      partnershipResultsChain(db, query.partnershipId, policy, query.today),
    );
  }
}

@QueryHandler(ObjectiveResultsQuery)
export class ObjectiveResultsHandler
  implements IQueryHandler<ObjectiveResultsQuery, ObjectiveResultsReportView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  execute(query: ObjectiveResultsQuery) {
    const { partnershipId, objectiveId, today } = query;
    // Another partnership's objective is answered exactly as one never set.
    const unknown = () => notFound(`No objective ${objectiveId} is set in ${partnershipId}`);
    return inPartnershipAt([this.db, this.at], query, unknown, (db, policy) =>
      objectiveResults(db, partnershipId, objectiveId, policy, today),
    );
  }
}

@QueryHandler(PartnerResultsChainQuery)
export class PartnerResultsChainHandler
  implements IQueryHandler<PartnerResultsChainQuery, PartnerResultsChainView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({ partnerId, policyId, viewer, moment }: PartnerResultsChainQuery) {
    const unknown = () => notFound(`No partner ${partnerId} joined or contributed`);
    const now = partnerResultsChain(
      this.db,
      partnerId,
      valuationPolicyFor(this.db, policyId)?.policy,
    );
    if (!now) throw unknown();
    if (!seesPartner(viewer, partnerId)) throw concealing(unknown());
    if (moment === undefined) return now;
    const db = await this.at.of(moment, partnershipsOfPartner(partnerId));
    const report = partnerResultsChain(db, partnerId, valuationPolicyFor(db, policyId)?.policy);
    if (!report) throw notFound(`Partner ${partnerId} had not joined ${momentText(moment)}`);
    return report;
  }
}
