import { Module } from '@nestjs/common';
import { FeedbackCommandHandler } from './feedback-command.handler';
import { FeedbackController } from './feedback.controller';
import { FeedbackQueriesController } from './feedback-queries.controller';
import { ListFeedbackHandler, PartnershipImpactHandler } from './feedback-queries';

@Module({
  controllers: [FeedbackController, FeedbackQueriesController],
  providers: [FeedbackCommandHandler, ListFeedbackHandler, PartnershipImpactHandler],
})
export class FeedbackModule {}
