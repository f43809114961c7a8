import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AgreementCommandHandler } from './agreement-command.handler';
import { AgreementHandler, ListAgreementsHandler } from './agreements-register.query';

/** The agreement slice: terms versions and signatures; the agreements register. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [AgreementCommandHandler, AgreementHandler, ListAgreementsHandler],
})
export class AgreementsApplicationModule {}
