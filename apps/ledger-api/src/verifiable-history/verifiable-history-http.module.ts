import { Module } from '@nestjs/common';
import { VerifiableHistoryModule } from '@cohesion/application';
import { VerifiableHistoryController } from './verifiable-history.controller';

/** HTTP routes of signed tree heads and proofs; the service is in VerifiableHistoryModule. */
@Module({
  imports: [VerifiableHistoryModule],
  controllers: [VerifiableHistoryController],
})
export class VerifiableHistoryHttpModule {}
