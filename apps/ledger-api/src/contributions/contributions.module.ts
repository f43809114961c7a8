import { Module } from '@nestjs/common';
import { ContributionCommandHandler } from './contribution-command.handler';
import { ContributionsController } from './contributions.controller';

@Module({
  controllers: [ContributionsController],
  providers: [ContributionCommandHandler],
})
export class ContributionsModule {}
