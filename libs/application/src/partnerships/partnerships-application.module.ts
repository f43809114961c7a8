import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { PartnershipCommandHandler } from './partnership-command.handler';
import {
  ListMeetingsHandler,
  ListPartnershipsHandler,
  PartnershipOverviewHandler,
} from './partnership-queries';

/** The partnership slice: founding, membership, objectives, meetings; the overview read model. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    PartnershipCommandHandler,
    ListMeetingsHandler,
    ListPartnershipsHandler,
    PartnershipOverviewHandler,
  ],
})
export class PartnershipsApplicationModule {}
