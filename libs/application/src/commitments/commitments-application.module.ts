import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CommitmentCommandHandler } from './commitment-command.handler';
import {
  CommitmentDetailHandler,
  ListCommitmentsHandler,
  PartnerAccountabilityHandler,
  PartnershipAccountabilityHandler,
} from './accountability.query';

/** The commitment slice: made, accepted, fulfilled…; the accountability read model. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    CommitmentCommandHandler,
    CommitmentDetailHandler,
    ListCommitmentsHandler,
    PartnerAccountabilityHandler,
    PartnershipAccountabilityHandler,
  ],
})
export class CommitmentsApplicationModule {}
