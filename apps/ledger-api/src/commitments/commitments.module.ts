import { Module } from '@nestjs/common';
import { CommitmentCommandHandler } from './commitment-command.handler';
import { CommitmentsController } from './commitments.controller';

@Module({
  controllers: [CommitmentsController],
  providers: [CommitmentCommandHandler],
})
export class CommitmentsModule {}
