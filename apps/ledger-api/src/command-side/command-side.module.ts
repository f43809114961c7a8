import { Global, Module } from '@nestjs/common';
import { AggregateStore } from './aggregate-store';

@Global()
@Module({ providers: [AggregateStore], exports: [AggregateStore] })
export class CommandSideModule {}
