import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ExportCommitmentsHandler, ExportContributionsHandler } from './exports.query';

/** Read models as files for spreadsheets and other tools. */
@Module({
  imports: [ReadModelsModule],
  providers: [ExportCommitmentsHandler, ExportContributionsHandler],
})
export class ExportsApplicationModule {}
