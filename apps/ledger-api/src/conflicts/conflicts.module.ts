import { Module } from '@nestjs/common';
import { ConflictsApplicationModule } from '@cohesion/application';
import { ConflictsQueriesController } from './conflicts-queries.controller';
import { ConflictsController } from './conflicts.controller';

/** HTTP routes of the slice; its use cases are in ConflictsApplicationModule. */
@Module({
  imports: [ConflictsApplicationModule],
  controllers: [ConflictsController, ConflictsQueriesController],
})
export class ConflictsModule {}
