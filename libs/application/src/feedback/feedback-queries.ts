import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AggregateNotFound } from '@cohesion/domain';
import {
  type FeedbackFilters,
  type FeedbackView,
  listFeedback,
  type PartnershipImpactView,
  partnershipImpact,
} from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { assertSeesPartnership, scopedPartnerships } from '../access/read-scope';
import type { Principal } from '../access/principal';
import type { ListRequest } from '../read-models/list-request';

export type FeedbackListRequest = ListRequest<FeedbackFilters>;

export class ListFeedbackQuery extends Query<Page<FeedbackView>> {
  constructor(
    readonly filters: FeedbackListRequest,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class PartnershipImpactQuery extends Query<PartnershipImpactView> {
  constructor(
    readonly partnershipId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListFeedbackQuery)
export class ListFeedbackHandler implements IQueryHandler<ListFeedbackQuery, Page<FeedbackView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters, viewer }: ListFeedbackQuery): Promise<Page<FeedbackView>> {
    const { limit, cursor, ...given } = filters;
    const [after] = cursorKey(cursor, ['number']) ?? [];
    const scope = scopedPartnerships(this.db, viewer, given.partnershipId);
    const rows = listFeedback(this.db, { ...given, ...scope, after, limit });
    return Promise.resolve(pageOf(rows, limit, (row) => [Number(row.position)]));
  }
}

@QueryHandler(PartnershipImpactQuery)
export class PartnershipImpactHandler
  implements IQueryHandler<PartnershipImpactQuery, PartnershipImpactView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ partnershipId, viewer }: PartnershipImpactQuery): Promise<PartnershipImpactView> {
    assertSeesPartnership(this.db, viewer, partnershipId);
    const impact = partnershipImpact(this.db, partnershipId);
    if (!impact) throw new AggregateNotFound('Partnership', partnershipId);
    return Promise.resolve(impact);
  }
}
