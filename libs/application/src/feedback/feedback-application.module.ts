import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { FeedbackCommandHandler } from './feedback-command.handler';
import { ListFeedbackHandler, PartnershipImpactHandler } from './feedback-queries';
import { PublicFeedbackForms } from './public-feedback-forms';

/** The feedback slice, its public form; the impact summary of a partnership. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    FeedbackCommandHandler,
    ListFeedbackHandler,
    PartnershipImpactHandler,
    PublicFeedbackForms,
  ],
  exports: [PublicFeedbackForms],
})
export class FeedbackApplicationModule {}
