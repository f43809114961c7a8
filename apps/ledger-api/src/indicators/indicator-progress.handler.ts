import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { indicatorDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/aggregates';
import { type IndicatorProgressView, indicatorProgressView } from './indicator-progress.view';

export class IndicatorProgressQuery extends Query<IndicatorProgressView> {
  constructor(readonly indicatorId: string) {
    super();
  }
}

/**
 * Folds the indicator's stream on each call: always current, and cheap for a stream of a few
 * measurements a year. A read model takes over when progress is listed across indicators.
 */
@QueryHandler(IndicatorProgressQuery)
export class IndicatorProgressHandler
  implements IQueryHandler<IndicatorProgressQuery, IndicatorProgressView>
{
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ indicatorId }: IndicatorProgressQuery): Promise<IndicatorProgressView> {
    const loaded = await this.aggregates.load(streamOf('indicator', indicatorId), indicatorDecider);
    return indicatorProgressView(indicatorId, loaded);
  }
}
