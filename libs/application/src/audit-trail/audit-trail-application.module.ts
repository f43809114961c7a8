import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AuditTrailHandler } from './audit-trail.query';

/** Who did what, in log order. */
@Module({ imports: [ReadModelsModule], providers: [AuditTrailHandler] })
export class AuditTrailApplicationModule {}
