import { Module } from '@nestjs/common';
import { ContributionCommandHandler } from './contribution-command.handler';
import { ContributionQueriesController } from './contribution-queries.controller';
import { ContributionsController } from './contributions.controller';
import {
  ListContributionsHandler,
  PartnerRecognitionHandler,
  PartnershipEquityHandler,
  PartnershipRecognitionHandler,
} from './recognition.query';

@Module({
  controllers: [ContributionsController, ContributionQueriesController],
  providers: [
    ContributionCommandHandler,
    ListContributionsHandler,
    PartnershipRecognitionHandler,
    PartnerRecognitionHandler,
    PartnershipEquityHandler,
  ],
})
export class ContributionsModule {}
