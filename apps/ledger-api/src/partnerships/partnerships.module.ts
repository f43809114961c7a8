import { Module } from '@nestjs/common';
import { PartnershipsApplicationModule } from '@cohesion/application';
import { PartnershipQueriesController } from './partnership-queries.controller';
import { PartnershipsController } from './partnerships.controller';

/** HTTP routes of the slice; its use cases are in PartnershipsApplicationModule. */
@Module({
  imports: [PartnershipsApplicationModule],
  controllers: [PartnershipsController, PartnershipQueriesController],
})
export class PartnershipsModule {}
