import { Module } from '@nestjs/common';
import { PartnershipCommandHandler } from './partnership-command.handler';
import { PartnershipsController } from './partnerships.controller';

@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipCommandHandler],
})
export class PartnershipsModule {}
