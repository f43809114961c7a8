import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ContributionsApplicationModule } from './contributions-application.module';
import { FulfilmentHandOffRecovery } from './fulfilment-hand-off.recovery';

/** For the long-running process (the API): completes the hand-offs a crash left undone. */
@Module({
  imports: [CommandSideModule, ReadModelsModule, ContributionsApplicationModule],
  providers: [FulfilmentHandOffRecovery],
})
export class FulfilmentHandOffRecoveryModule {}
