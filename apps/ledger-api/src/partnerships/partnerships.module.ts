import { Module } from '@nestjs/common';
import { PartnershipCommandHandler } from './partnership-command.handler';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipQueriesController } from './partnership-queries.controller';
import {
  ListMeetingsHandler,
  ListPartnershipsHandler,
  PartnershipOverviewHandler,
} from './partnership-queries';

@Module({
  controllers: [PartnershipsController, PartnershipQueriesController],
  providers: [
    PartnershipCommandHandler,
    ListPartnershipsHandler,
    PartnershipOverviewHandler,
    ListMeetingsHandler,
  ],
})
export class PartnershipsModule {}
