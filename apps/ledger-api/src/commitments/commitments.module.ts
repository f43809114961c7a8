import { Module } from '@nestjs/common';
import { CommitmentsApplicationModule } from '@cohesion/application';
import { AccountabilityReportsController } from './accountability-reports.controller';
import { CommitmentQueriesController } from './commitment-queries.controller';
import { CommitmentsController } from './commitments.controller';

/** HTTP routes of the slice; its use cases are in CommitmentsApplicationModule. */
@Module({
  imports: [CommitmentsApplicationModule],
  controllers: [
    CommitmentsController,
    CommitmentQueriesController,
    AccountabilityReportsController,
  ],
})
export class CommitmentsModule {}
