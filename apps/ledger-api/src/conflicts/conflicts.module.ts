import { Module } from '@nestjs/common';
import { ConflictCommandHandler } from './conflict-command.handler';
import { ConflictFacts } from './conflict-facts';
import { ConflictsController } from './conflicts.controller';

@Module({
  controllers: [ConflictsController],
  providers: [ConflictCommandHandler, ConflictFacts],
})
export class ConflictsModule {}
