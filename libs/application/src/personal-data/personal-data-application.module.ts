import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { SubjectAccessReportHandler } from './subject-access.query';

/** The data subjects' rights: what the ledger holds about someone (access reports). */
@Module({ imports: [ReadModelsModule], providers: [SubjectAccessReportHandler] })
export class PersonalDataApplicationModule {}
