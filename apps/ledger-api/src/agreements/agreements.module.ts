import { Module } from '@nestjs/common';
import { AgreementsApplicationModule } from '@cohesion/application';
import { AgreementsQueriesController } from './agreements-queries.controller';
import { AgreementsController } from './agreements.controller';

/** HTTP routes of the slice; its use cases are in AgreementsApplicationModule. */
@Module({
  imports: [AgreementsApplicationModule],
  controllers: [AgreementsController, AgreementsQueriesController],
})
export class AgreementsModule {}
