import { Module } from '@nestjs/common';
import { ActDates } from './act-dates';
import { AggregateStore } from './aggregate-store';
import { CommandAccess } from './command-access';
import { PartnershipFactsReader } from './partnership-facts.reader';

/** What every command handler decides with: the aggregate store and the partnership's facts. */
@Module({
  providers: [ActDates, AggregateStore, PartnershipFactsReader, CommandAccess],
  exports: [AggregateStore, PartnershipFactsReader, CommandAccess],
})
export class CommandSideModule {}
