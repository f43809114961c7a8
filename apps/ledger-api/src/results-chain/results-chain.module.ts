import { Module } from '@nestjs/common';
import { ResultsChainApplicationModule } from '@cohesion/application';
import { ResultsChainController } from './results-chain.controller';

/** HTTP routes of the results chain; its queries are in ResultsChainApplicationModule. */
@Module({
  imports: [ResultsChainApplicationModule],
  controllers: [ResultsChainController],
})
export class ResultsChainModule {}
