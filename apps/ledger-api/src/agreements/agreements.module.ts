import { Module } from '@nestjs/common';
import { AgreementCommandHandler } from './agreement-command.handler';
import { AgreementsController } from './agreements.controller';
import { AgreementsQueriesController } from './agreements-queries.controller';
import { AgreementHandler, ListAgreementsHandler } from './agreements-register.query';

@Module({
  controllers: [AgreementsController, AgreementsQueriesController],
  providers: [AgreementCommandHandler, ListAgreementsHandler, AgreementHandler],
})
export class AgreementsModule {}
