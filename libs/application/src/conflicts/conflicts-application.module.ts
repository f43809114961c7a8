import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ConflictCommandHandler } from './conflict-command.handler';
import { ConflictFacts } from './conflict-facts';
import {
  ConflictCaseHandler,
  ConflictReplayHandler,
  ListConflictCasesHandler,
} from './conflict-cases.query';

/** The conflict slice: raised, mediated, resolved; the conflict cases and their replay. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    ConflictCommandHandler,
    ConflictFacts,
    ConflictCaseHandler,
    ConflictReplayHandler,
    ListConflictCasesHandler,
  ],
})
export class ConflictsApplicationModule {}
