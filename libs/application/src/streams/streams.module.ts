import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { StreamAccess } from './stream-access';
import { StreamHistory } from './stream-history';

/** Any stream's raw events and folded state, under each aggregate's own read rule. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [StreamAccess, StreamHistory],
  exports: [StreamAccess, StreamHistory],
})
export class StreamsModule {}
