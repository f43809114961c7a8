import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { accessAudit, type AccessEntryView, type AccessOutcome } from '@cohesion/projections';
import type { Page } from '../read-models/paging';
import { pageRecordedBetween, type RecordedBetweenRequest } from '../read-models/recorded-between';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';

export interface AccessAuditRequest extends RecordedBetweenRequest {
  readonly sub?: string;
  readonly outcome?: AccessOutcome;
}

export class AccessAuditQuery extends Query<Page<AccessEntryView>> {
  constructor(readonly filters: AccessAuditRequest) {
    super();
  }
}

@QueryHandler(AccessAuditQuery)
export class AccessAuditHandler implements IQueryHandler<AccessAuditQuery, Page<AccessEntryView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters }: AccessAuditQuery): Promise<Page<AccessEntryView>> {
    const { sub, outcome } = filters;
    return Promise.resolve(
      pageRecordedBetween(filters, (window) => accessAudit(this.db, { sub, outcome, ...window })),
    );
  }
}
