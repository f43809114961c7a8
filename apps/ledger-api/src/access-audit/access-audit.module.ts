import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PROBLEM_OBSERVER } from '../problem/problem-observer';
import { AccessAuditController } from './access-audit.controller';
import { AccessAuditApplicationModule } from '@cohesion/application';
import { AccessDenialObserver } from './access-denial.observer';
import { ConfidentialReadsInterceptor } from './confidential-reads.interceptor';

/**
 * Records confidential reads and denied requests as access events in their own streams, and
 * serves them to admins and auditors. Denials reach it through the problem filter (exported as
 * its observer), since guards refuse before any interceptor runs.
 */
@Module({
  imports: [AccessAuditApplicationModule],
  controllers: [AccessAuditController],
  providers: [
    AccessDenialObserver,
    { provide: APP_INTERCEPTOR, useClass: ConfidentialReadsInterceptor },
    { provide: PROBLEM_OBSERVER, useExisting: AccessDenialObserver },
  ],
  exports: [PROBLEM_OBSERVER],
})
export class AccessAuditModule {}
