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
  ) {
    super();
  }
}

export class CommitmentDetailQuery extends Query<CommitmentDetailView> {
  constructor(
    readonly commitmentId: string,
    readonly asOf: string,
    readonly viewer: Principal,
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
  ) {
    super();
  }
}

export class PartnerAccountabilityQuery extends Query<PartnerAccountabilityView> {
  constructor(
    readonly partnerId: string,
    readonly asOf: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListCommitmentsQuery)
export class ListCommitmentsHandler
  implements IQueryHandler<ListCommitmentsQuery, Page<CommitmentView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filter, page, asOf, viewer }: ListCommitmentsQuery): Promise<Page<CommitmentView>> {
    const [after] = cursorKey(page.cursor, ['number']) ?? [];
    const scoped = { ...filter, ...scopedPartnerships(this.db, viewer, filter.partnershipId) };
    const rows = listCommitments(this.db, scoped, { after, limit: page.limit }, asOf);
    return Promise.resolve(pageOf(rows, page.limit, (row) => [row.position]));
  }
}

@QueryHandler(CommitmentDetailQuery)
export class CommitmentDetailHandler
  implements IQueryHandler<CommitmentDetailQuery, CommitmentDetailView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ commitmentId, asOf, viewer }: CommitmentDetailQuery): Promise<CommitmentDetailView> {
    const detail = commitmentDetail(this.db, commitmentId, asOf);
    // Another partnership's commitment is answered exactly as one never made.
    const unknown = () => notFound(`No commitment ${commitmentId} was made`);
    if (!detail) throw unknown();
    if (!seesPartnership(this.db, viewer, detail.partnershipId)) throw concealing(unknown());
    return Promise.resolve(detail);
  }
}

@QueryHandler(PartnershipAccountabilityQuery)
export class PartnershipAccountabilityHandler
  implements IQueryHandler<PartnershipAccountabilityQuery, PartnershipAccountabilityAnswer>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({
    partnershipId,
    asOf,
    page,
    viewer,
    kind,
  }: PartnershipAccountabilityQuery): Promise<PartnershipAccountabilityAnswer> {
    const [afterPartnerId] = cursorKey(page.cursor, ['string']) ?? [];
    const unknown = () => notFound(`No partnership ${partnershipId} is known`);
    assertSeesPartnership(this.db, viewer, partnershipId, unknown);
    const partners = { afterPartnerId, limit: page.limit };
    const report = partnershipAccountability(this.db, partnershipId, asOf, partners, kind);
    if (!report) throw unknown();
    const { lastPartnerId, ...rest } = report;
    return Promise.resolve({
      ...rest,
      next: lastPartnerId === null ? null : encodeCursor([lastPartnerId]),
    });
  }
}

@QueryHandler(PartnerAccountabilityQuery)
export class PartnerAccountabilityHandler
  implements IQueryHandler<PartnerAccountabilityQuery, PartnerAccountabilityView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({
    partnerId,
    asOf,
    viewer,
  }: PartnerAccountabilityQuery): Promise<PartnerAccountabilityView> {
    const report = partnerAccountability(this.db, partnerId, asOf);
    const unknown = () => notFound(`No partner ${partnerId} joined or committed`);
    if (!report) throw unknown();
    if (!seesPartner(viewer, partnerId)) throw concealing(unknown());
    return Promise.resolve(report);
  }
}
