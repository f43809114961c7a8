import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AggregateNotFound } from '@cohesion/domain';
import { findIndicator } from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { seesPartnership } from '../access/read-scope';
import type { Principal } from '../access/principal';
import { foundAt, type Moment, type PointInTimeReads, ReadModelsAt } from '../read-models';
import { type IndicatorProgressView, indicatorProgressView } from './indicator-progress.view';
import { concealing } from '../errors';

export class IndicatorProgressQuery extends Query<IndicatorProgressView> {
  constructor(
    readonly indicatorId: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

/** Read from the impact read model (one indexed lookup), as current as read-your-writes makes it. */
@QueryHandler(IndicatorProgressQuery)
export class IndicatorProgressHandler
  implements IQueryHandler<IndicatorProgressQuery, IndicatorProgressView>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute(query: IndicatorProgressQuery): Promise<IndicatorProgressView> {
    const { indicatorId, viewer, moment } = query;
    const now = findIndicator(this.db, indicatorId);
    // Another partnership's indicator is answered exactly as one never defined.
    if (!now) throw new AggregateNotFound('Indicator', indicatorId);
    if (!seesPartnership(this.db, viewer, now.partnershipId))
      throw concealing(new AggregateNotFound('Indicator', indicatorId));
    const find = (db: Database.Database) => findIndicator(db, indicatorId);
    const indicator = await foundAt(
      this.at,
      moment,
      now,
      find,
      `Indicator ${indicatorId} was not defined`,
    );
    return indicatorProgressView(indicator);
  }
}
