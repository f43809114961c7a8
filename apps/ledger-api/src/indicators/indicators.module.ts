import { Module } from '@nestjs/common';
import { IndicatorCommandHandler } from './indicator-command.handler';
import { IndicatorProgressHandler } from './indicator-progress.handler';
import { IndicatorsController } from './indicators.controller';

@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorCommandHandler, IndicatorProgressHandler],
})
export class IndicatorsModule {}
