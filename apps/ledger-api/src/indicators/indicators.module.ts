import { Module } from '@nestjs/common';
import { IndicatorsApplicationModule } from '@cohesion/application';
import { IndicatorQueriesController } from './indicator-queries.controller';
import { IndicatorsController } from './indicators.controller';

/** HTTP routes of the slice; its use cases are in IndicatorsApplicationModule. */
@Module({
  imports: [IndicatorsApplicationModule],
  controllers: [IndicatorsController, IndicatorQueriesController],
})
export class IndicatorsModule {}
