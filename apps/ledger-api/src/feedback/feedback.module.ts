import { Module } from '@nestjs/common';
import { FeedbackApplicationModule } from '@cohesion/application';
import { FeedbackQueriesController } from './feedback-queries.controller';
import { FeedbackController } from './feedback.controller';

/** HTTP routes of the slice; its use cases are in FeedbackApplicationModule. */
@Module({
  imports: [FeedbackApplicationModule],
  controllers: [FeedbackController, FeedbackQueriesController],
})
export class FeedbackModule {}
