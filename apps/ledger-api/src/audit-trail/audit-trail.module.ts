import { Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailHandler } from './audit-trail.query';

@Module({
  controllers: [AuditTrailController],
  providers: [AuditTrailHandler],
})
export class AuditTrailModule {}
