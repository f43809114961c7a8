import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ContributionCommandHandler } from './contribution-command.handler';
import { FulfilmentHandOff } from './fulfilment-hand-off';
import {
  ListContributionsHandler,
  PartnerRecognitionHandler,
  PartnershipEquityHandler,
  PartnershipRecognitionHandler,
} from './recognition.query';

/** The contribution slice, with the fulfilment hand-off to commitments; the recognition read model. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    ContributionCommandHandler,
    FulfilmentHandOff,
    ListContributionsHandler,
    PartnerRecognitionHandler,
    PartnershipEquityHandler,
    PartnershipRecognitionHandler,
  ],
  exports: [FulfilmentHandOff],
})
export class ContributionsApplicationModule {}
