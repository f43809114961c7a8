import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IdentityStoreModule } from '../sign-in/identity-store.module';
import { ErasureCommandHandler } from './erasure-command.handler';
import { ErasureKeys } from './erasure-keys';
import { ErasureHandler, ListErasuresHandler } from './erasures.queries';

/** Erasure requests: their commands (which destroy keys) and queries. */
@Module({
  imports: [CommandSideModule, ReadModelsModule, IdentityStoreModule],
  providers: [ErasureCommandHandler, ErasureKeys, ListErasuresHandler, ErasureHandler],
  exports: [ErasureKeys],
})
export class ErasuresApplicationModule {}
