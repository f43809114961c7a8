import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  type CommitmentDetailView,
  type CommitmentFilter,
  type CommitmentKindView,
  type CommitmentView,
  commitmentDetail,
  listCommitments,
  type PartnerAccountabilityView,
  type PartnershipAccountabilityView,
  partnerAccountability,
  partnershipAccountability,
} from '@cohesion/projections';
import { cursorKey, encodeCursor, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import {
  type Moment,
  momentText,
  partnershipsOfList,
  partnershipsOfPartner,
  type PointInTimeReads,
  ReadModelsAt,
  thePartnership,
} from '../read-models';
import {
  assertSeesPartnership,
  scopedPartnerships,
  seesPartner,
  seesPartnership,
} from '../access/read-scope';
import type { Principal } from '../access/principal';
import { concealing, notFound } from '../errors';

interface PageAsked {
  readonly limit: number;
  readonly cursor?: string;
}

export class ListCommitmentsQuery extends Query<Page<CommitmentView>> {
  constructor(
    readonly filter: CommitmentFilter,
    readonly page: PageAsked,
    readonly asOf: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

export class CommitmentDetailQuery extends Query<CommitmentDetailView> {
  constructor(
    readonly commitmentId: string,
    readonly asOf: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

export type PartnershipAccountabilityAnswer = Omit<
  PartnershipAccountabilityView,
  'lastPartnerId'
> & {
  readonly next: string | null;
};

export class PartnershipAccountabilityQuery extends Query<PartnershipAccountabilityAnswer> {
  constructor(
    readonly partnershipId: string,
    readonly asOf: string,
    readonly page: PageAsked,
    readonly viewer: Principal,
    readonly kind?: CommitmentKindView,
    readonly moment?: Moment,
  ) {
    super();
  }
}

export class PartnerAccountabilityQuery extends Query<PartnerAccountabilityView> {
  constructor(
    readonly partnerId: string,
    readonly asOf: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

@QueryHandler(ListCommitmentsQuery)
export class ListCommitmentsHandler
  implements IQueryHandler<ListCommitmentsQuery, Page<CommitmentView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute(query: ListCommitmentsQuery): Promise<Page<CommitmentView>> {
    const { filter, page, asOf, viewer, moment } = query;
    const [after] = cursorKey(page.cursor, ['number']) ?? [];
    const scope = scopedPartnerships(this.db, viewer, filter.partnershipId);
    const db = await this.at.of(moment, partnershipsOfList(scope));
    const rows = listCommitments(db, { ...filter, ...scope }, { after, limit: page.limit }, asOf);
    return pageOf(rows, page.limit, (row) => [row.position]);
  }
}

@QueryHandler(CommitmentDetailQuery)
export class CommitmentDetailHandler
  implements IQueryHandler<CommitmentDetailQuery, CommitmentDetailView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute(query: CommitmentDetailQuery): Promise<CommitmentDetailView> {
    const { commitmentId, asOf, viewer, moment } = query;
    const unknown = () => notFound(`No commitment ${commitmentId} was made`);
    const now = commitmentDetail(this.db, commitmentId, asOf);
    if (!now) throw unknown();
    // Another partnership's commitment is answered exactly as one never made.
    if (!seesPartnership(this.db, viewer, now.partnershipId)) throw concealing(unknown());
    const db = await this.at.of(moment, thePartnership(now.partnershipId));
    const detail = db === this.db ? now : commitmentDetail(db, commitmentId, asOf);
    if (!detail) throw notFound(`Commitment ${commitmentId} was not made ${momentText(moment)}`);
    return detail;
  }
}

@QueryHandler(PartnershipAccountabilityQuery)
export class PartnershipAccountabilityHandler
  implements IQueryHandler<PartnershipAccountabilityQuery, PartnershipAccountabilityAnswer>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute(query: PartnershipAccountabilityQuery): Promise<PartnershipAccountabilityAnswer> {
    const { partnershipId, asOf, page, viewer, kind, moment } = query;
    const [afterPartnerId] = cursorKey(page.cursor, ['string']) ?? [];
    const unknown = () => notFound(`No partnership ${partnershipId} is known`);
    assertSeesPartnership(this.db, viewer, partnershipId, unknown);
    const db = await this.at.of(moment, thePartnership(partnershipId));
    const partners = { afterPartnerId, limit: page.limit };
    const report = partnershipAccountability(db, partnershipId, asOf, partners, kind);
    if (!report) throw unknown();
    const { lastPartnerId, ...rest } = report;
    return { ...rest, next: lastPartnerId === null ? null : encodeCursor([lastPartnerId]) };
  }
}

@QueryHandler(PartnerAccountabilityQuery)
export class PartnerAccountabilityHandler
  implements IQueryHandler<PartnerAccountabilityQuery, PartnerAccountabilityView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute(query: PartnerAccountabilityQuery): Promise<PartnerAccountabilityView> {
    const { partnerId, asOf, viewer, moment } = query;
    const unknown = () => notFound(`No partner ${partnerId} joined or committed`);
    if (!partnerAccountability(this.db, partnerId, asOf)) throw unknown();
    if (!seesPartner(viewer, partnerId)) throw concealing(unknown());
    const db = await this.at.of(moment, partnershipsOfPartner(partnerId));
    const report = partnerAccountability(db, partnerId, asOf);
    if (!report) throw notFound(`Partner ${partnerId} had not joined ${momentText(moment)}`);
    return report;
  }
}
