import { Module } from '@nestjs/common';
import { AggregateStore } from './aggregate-store';
import { CommandAccess } from './command-access';
import { PartnershipFactsReader } from './partnership-facts.reader';

/** What every command handler decides with: the aggregate store and the partnership's facts. */
@Module({
  providers: [AggregateStore, PartnershipFactsReader, CommandAccess],
  exports: [AggregateStore, PartnershipFactsReader, CommandAccess],
})
export class CommandSideModule {}
