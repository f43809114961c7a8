import { Module } from '@nestjs/common';
import { ContributionsApplicationModule } from '@cohesion/application';
import { ContributionQueriesController } from './contribution-queries.controller';
import { ContributionsController } from './contributions.controller';

/** HTTP routes of the slice; its use cases are in ContributionsApplicationModule. */
@Module({
  imports: [ContributionsApplicationModule],
  controllers: [ContributionsController, ContributionQueriesController],
})
export class ContributionsModule {}
