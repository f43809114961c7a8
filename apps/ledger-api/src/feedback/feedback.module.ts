import { Module } from '@nestjs/common';
import { FeedbackCommandHandler } from './feedback-command.handler';
import { FeedbackController } from './feedback.controller';

@Module({
  controllers: [FeedbackController],
  providers: [FeedbackCommandHandler],
})
export class FeedbackModule {}
