import { Module } from '@nestjs/common';
import { AccessAuditApplicationModule, FeedbackApplicationModule } from '@cohesion/application';
import { FeedbackQueriesController } from './feedback-queries.controller';
import { FeedbackController } from './feedback.controller';
import { PublicFeedbackController } from './public-feedback.controller';

/** HTTP routes of the slice, its public form too; its use cases are in FeedbackApplicationModule. */
@Module({
  imports: [FeedbackApplicationModule, AccessAuditApplicationModule],
  controllers: [FeedbackController, FeedbackQueriesController, PublicFeedbackController],
})
export class FeedbackModule {}
