import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IndicatorCommandHandler } from './indicator-command.handler';
import { IndicatorProgressHandler } from './indicator-progress.handler';
import { IndicatorDetailHandler, ListIndicatorsHandler } from './indicator-queries';

/** The indicator slice: definitions, measurements, progress. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    IndicatorCommandHandler,
    IndicatorProgressHandler,
    IndicatorDetailHandler,
    ListIndicatorsHandler,
  ],
})
export class IndicatorsApplicationModule {}
