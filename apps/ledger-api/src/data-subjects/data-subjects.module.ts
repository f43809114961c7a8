import { Module } from '@nestjs/common';
import { PersonalDataApplicationModule } from '@cohesion/application';
import { DataSubjectsController } from './data-subjects.controller';

/** HTTP routes of the data subjects' rights; the use cases are in PersonalDataApplicationModule. */
@Module({
  imports: [PersonalDataApplicationModule],
  controllers: [DataSubjectsController],
})
export class DataSubjectsModule {}
