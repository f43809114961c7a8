import { Module } from '@nestjs/common';
import { AgreementCommandHandler } from './agreement-command.handler';
import { AgreementsController } from './agreements.controller';

@Module({
  controllers: [AgreementsController],
  providers: [AgreementCommandHandler],
})
export class AgreementsModule {}
