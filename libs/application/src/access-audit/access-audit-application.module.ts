import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AccessAuditHandler } from './access-audit.query';
import { AccessRecorder } from './access-recorder';
import { AnonymousRefusals } from './anonymous-refusals';

/** Records accesses to confidential cases and refused requests; lists them. */
@Module({
  imports: [ReadModelsModule],
  providers: [AccessRecorder, AnonymousRefusals, AccessAuditHandler],
  exports: [AccessRecorder, AnonymousRefusals],
})
export class AccessAuditApplicationModule {}
