import { Global, Module } from '@nestjs/common';
import { AggregateStore } from './aggregate-store';
import { PartnershipFactsReader } from './partnership-facts.reader';

@Global()
@Module({
  providers: [AggregateStore, PartnershipFactsReader],
  exports: [AggregateStore, PartnershipFactsReader],
})
export class CommandSideModule {}
