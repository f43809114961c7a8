import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AggregateNotFound } from '@cohesion/domain';
import {
  findIndicatorDetail,
  type IndicatorDetailView,
  type IndicatorFilters,
  type IndicatorView,
  listIndicators,
} from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { scopedPartnerships, seesPartnership } from '../access/read-scope';
import type { Principal } from '../access/principal';
import {
  foundAt,
  type Moment,
  partnershipsOfList,
  type PointInTimeReads,
  ReadModelsAt,
} from '../read-models';

import type { ListRequest } from '../read-models/list-request';
import { concealing } from '../errors';

export type IndicatorListRequest = ListRequest<IndicatorFilters>;

export class ListIndicatorsQuery extends Query<Page<IndicatorView>> {
  constructor(
    readonly filters: IndicatorListRequest,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

export class IndicatorDetailQuery extends Query<IndicatorDetailView> {
  constructor(
    readonly indicatorId: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

@QueryHandler(ListIndicatorsQuery)
export class ListIndicatorsHandler
  implements IQueryHandler<ListIndicatorsQuery, Page<IndicatorView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({ filters, viewer, moment }: ListIndicatorsQuery): Promise<Page<IndicatorView>> {
    const { partnershipId, status, limit, cursor } = filters;
    const [after] = cursorKey(cursor, ['string']) ?? [];
    const scope = scopedPartnerships(this.db, viewer, partnershipId);
    const db = await this.at.of(moment, partnershipsOfList(scope));
    const rows = listIndicators(db, { ...scope, status, after, limit });
    return pageOf(rows, limit, (row) => [row.indicatorId]);
  }
}

@QueryHandler(IndicatorDetailQuery)
export class IndicatorDetailHandler
  implements IQueryHandler<IndicatorDetailQuery, IndicatorDetailView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({
    indicatorId,
    viewer,
    moment,
  }: IndicatorDetailQuery): Promise<IndicatorDetailView> {
    const now = findIndicatorDetail(this.db, indicatorId);
    // Another partnership's indicator is answered exactly as one never defined.
    if (!now) throw new AggregateNotFound('Indicator', indicatorId);
    if (!seesPartnership(this.db, viewer, now.partnershipId))
      throw concealing(new AggregateNotFound('Indicator', indicatorId));
    const find = (db: Database.Database) => findIndicatorDetail(db, indicatorId);
    return foundAt(this.at, moment, now, find, `Indicator ${indicatorId} was not defined`);
  }
}
