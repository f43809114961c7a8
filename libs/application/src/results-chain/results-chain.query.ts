import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
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

/** A partnership's results chain, objective by objective, valued under a policy. */
export class PartnershipResultsChainQuery extends Query<PartnershipResultsChainView> {
  constructor(
    readonly partnershipId: string,
    readonly policyId: string | undefined,
    /** The day `overdue` is judged on. */
    readonly today: string,
    readonly viewer: Principal,
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
  ) {
    super();
  }
}

/** As the accountability and recognition reports: 404 for the unknown and for what one may not see. */
@QueryHandler(PartnershipResultsChainQuery)
export class PartnershipResultsChainHandler
  implements IQueryHandler<PartnershipResultsChainQuery, PartnershipResultsChainView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ partnershipId, policyId, today, viewer }: PartnershipResultsChainQuery) {
    const unknown = () => notFound(`No partnership ${partnershipId} is known`);
    assertSeesPartnership(this.db, viewer, partnershipId, unknown);
    const chain = partnershipResultsChain(
      this.db,
      partnershipId,
      valuationPolicyFor(this.db, policyId),
      today,
    );
    if (!chain) throw unknown();
    return Promise.resolve(chain);
  }
}

@QueryHandler(ObjectiveResultsQuery)
export class ObjectiveResultsHandler
  implements IQueryHandler<ObjectiveResultsQuery, ObjectiveResultsReportView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ partnershipId, objectiveId, policyId, today, viewer }: ObjectiveResultsQuery) {
    // Another partnership's objective is answered exactly as one never set.
    const unknown = () => notFound(`No objective ${objectiveId} is set in ${partnershipId}`);
    assertSeesPartnership(this.db, viewer, partnershipId, unknown);
    const results = objectiveResults(
      this.db,
      partnershipId,
      objectiveId,
      valuationPolicyFor(this.db, policyId),
      today,
    );
    if (!results) throw unknown();
    return Promise.resolve(results);
  }
}

@QueryHandler(PartnerResultsChainQuery)
export class PartnerResultsChainHandler
  implements IQueryHandler<PartnerResultsChainQuery, PartnerResultsChainView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ partnerId, policyId, viewer }: PartnerResultsChainQuery) {
    const unknown = () => notFound(`No partner ${partnerId} joined or contributed`);
    const report = partnerResultsChain(this.db, partnerId, valuationPolicyFor(this.db, policyId));
    if (!report) throw unknown();
    if (!seesPartner(viewer, partnerId)) throw concealing(unknown());
    return Promise.resolve(report);
  }
}
