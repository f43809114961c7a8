import { Module } from '@nestjs/common';
import { IndicatorCommandHandler } from './indicator-command.handler';
import { IndicatorProgressHandler } from './indicator-progress.handler';
import { IndicatorsController } from './indicators.controller';
import { IndicatorQueriesController } from './indicator-queries.controller';
import { IndicatorDetailHandler, ListIndicatorsHandler } from './indicator-queries';

@Module({
  controllers: [IndicatorsController, IndicatorQueriesController],
  providers: [
    IndicatorCommandHandler,
    IndicatorProgressHandler,
    ListIndicatorsHandler,
    IndicatorDetailHandler,
  ],
})
export class IndicatorsModule {}
