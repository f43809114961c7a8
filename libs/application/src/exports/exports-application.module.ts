import { Module } from '@nestjs/common';
import { AccessAuditApplicationModule } from '../access-audit/access-audit-application.module';
import { AuditTrailApplicationModule } from '../audit-trail/audit-trail-application.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ResultsChainApplicationModule } from '../results-chain/results-chain-application.module';
import { ExportHandler } from './exports.query';

/**
 * Read models as files for spreadsheets and other tools. Each export reads through the list
 * query of the route it mirrors: those of the slices taking commands (part of every ledger
 * process), and those of the two audits and of the results chain, imported here.
 */
@Module({
  imports: [
    ReadModelsModule,
    AuditTrailApplicationModule,
    AccessAuditApplicationModule,
    ResultsChainApplicationModule,
  ],
  providers: [ExportHandler],
})
export class ExportsApplicationModule {}
