import { Module } from '@nestjs/common';
import { AccountabilityReportsController } from './accountability-reports.controller';
import {
  CommitmentDetailHandler,
  ListCommitmentsHandler,
  PartnerAccountabilityHandler,
  PartnershipAccountabilityHandler,
} from './accountability.query';
import { CommitmentCommandHandler } from './commitment-command.handler';
import { CommitmentQueriesController } from './commitment-queries.controller';
import { CommitmentsController } from './commitments.controller';

@Module({
  controllers: [
    CommitmentsController,
    CommitmentQueriesController,
    AccountabilityReportsController,
  ],
  providers: [
    CommitmentCommandHandler,
    ListCommitmentsHandler,
    CommitmentDetailHandler,
    PartnershipAccountabilityHandler,
    PartnerAccountabilityHandler,
  ],
})
export class CommitmentsModule {}
