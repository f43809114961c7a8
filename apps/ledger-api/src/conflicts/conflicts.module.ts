import { Module } from '@nestjs/common';
import { ConflictCommandHandler } from './conflict-command.handler';
import { ConflictFacts } from './conflict-facts';
import { ConflictsController } from './conflicts.controller';
import { ConflictsQueriesController } from './conflicts-queries.controller';
import {
  ConflictCaseHandler,
  ConflictReplayHandler,
  ListConflictCasesHandler,
} from './conflict-cases.query';

@Module({
  controllers: [ConflictsController, ConflictsQueriesController],
  providers: [
    ConflictCommandHandler,
    ConflictFacts,
    ListConflictCasesHandler,
    ConflictCaseHandler,
    ConflictReplayHandler,
  ],
})
export class ConflictsModule {}
