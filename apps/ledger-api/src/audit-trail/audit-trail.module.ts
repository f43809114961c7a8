import { Module } from '@nestjs/common';
import { AuditTrailApplicationModule } from '@cohesion/application';
import { AuditTrailController } from './audit-trail.controller';

/** HTTP routes of the slice; its use cases are in AuditTrailApplicationModule. */
@Module({
  imports: [AuditTrailApplicationModule],
  controllers: [AuditTrailController],
})
export class AuditTrailModule {}
