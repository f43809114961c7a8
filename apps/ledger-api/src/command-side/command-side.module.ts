import { Global, Module } from '@nestjs/common';
import { AggregateStore } from './aggregate-store';
import { CommandAccess } from './command-access';
import { PartnershipFactsReader } from './partnership-facts.reader';

@Global()
@Module({
  providers: [AggregateStore, PartnershipFactsReader, CommandAccess],
  exports: [AggregateStore, PartnershipFactsReader, CommandAccess],
})
export class CommandSideModule {}
