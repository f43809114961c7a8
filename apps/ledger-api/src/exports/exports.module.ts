import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportCommitmentsHandler, ExportContributionsHandler } from './exports.query';

/** Streamed CSV and JSON Lines exports of commitments and contributions. */
@Module({
  controllers: [ExportsController],
  providers: [ExportCommitmentsHandler, ExportContributionsHandler],
})
export class ExportsModule {}
