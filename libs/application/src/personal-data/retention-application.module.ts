import { Module } from '@nestjs/common';
import { FeedbackContactRetention } from './feedback-contact-retention';

/** The retention of feedback contact details: run by the CLI, and on a schedule by the API. */
@Module({ providers: [FeedbackContactRetention], exports: [FeedbackContactRetention] })
export class RetentionApplicationModule {}
