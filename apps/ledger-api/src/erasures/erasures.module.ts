import { Module } from '@nestjs/common';
import { ErasuresQueriesController } from './erasures-queries.controller';
import { ErasuresController } from './erasures.controller';

/** HTTP routes of erasure requests; their use cases are in ErasuresApplicationModule. */
@Module({ controllers: [ErasuresController, ErasuresQueriesController] })
export class ErasuresModule {}
