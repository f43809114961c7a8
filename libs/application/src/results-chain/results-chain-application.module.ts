import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import {
  ObjectiveResultsHandler,
  PartnerResultsChainHandler,
  PartnershipResultsChainHandler,
} from './results-chain.query';

/** The results chain: objectives → commitments → deliveries and contributions → indicators. */
@Module({
  imports: [ReadModelsModule],
  providers: [PartnershipResultsChainHandler, ObjectiveResultsHandler, PartnerResultsChainHandler],
})
export class ResultsChainApplicationModule {}
